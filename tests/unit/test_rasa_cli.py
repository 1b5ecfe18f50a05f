"""bot/rasa_cli.py: which warnings Rasa's command line no longer shows."""

import re
import subprocess
import sys

from bot.rasa_cli import ROOT, responses_uttered_from_code, user_warning_filters


def ignored(message: str, category: type, module: str) -> bool:
    return any(
        re.match(pattern, message)
        and issubclass(category, cat)
        and re.match(mod, module)
        for pattern, cat, mod in user_warning_filters()
    )


def unused(name: str) -> str:
    return f"The utterance '{name}' is not used in any story or rule."


def test_responses_uttered_by_forms_and_actions_are_declared():
    declared = responses_uttered_from_code()
    # a form's question, an explanation of action_explain_question, a response
    # named in actions/, one that Rasa's own default action utters
    assert {"utter_ask_region", "utter_why_region", "utter_options_intro"} <= declared
    assert "utter_default" in declared
    assert ignored(unused("utter_ask_region"), UserWarning, "rasa.validator")


def test_an_undeclared_response_still_warns():
    assert "utter_nergens_gebruikt" not in responses_uttered_from_code()
    assert not ignored(unused("utter_nergens_gebruikt"), UserWarning, "rasa.validator")
    # a declared name as a prefix of another name is not enough
    assert not ignored(unused("utter_ask_region_x"), UserWarning, "rasa.validator")


def test_only_the_known_deprecations_are_filtered():
    script = """
import warnings, sys
from bot.rasa_cli import filter_known_harmless
filter_known_harmless()
from pyparsing.warnings import PyparsingDeprecationWarning
def warn(message, category, module):
    warnings.warn_explicit(message, category, "x.py", 1, module=module)
warn("'setParseAction' deprecated", PyparsingDeprecationWarning, "matplotlib.x")
warn("'setParseAction' deprecated", PyparsingDeprecationWarning, "ours.x")
warn("pkg_resources is deprecated as an API", DeprecationWarning, "rasa.shared.x")
warn("something else is deprecated", DeprecationWarning, "rasa.shared.x")
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    shown = [line for line in result.stderr.splitlines() if "Warning:" in line]
    assert len(shown) == 2, result.stderr
    assert "PyparsingDeprecationWarning" in shown[0] and "something else" in shown[1]
