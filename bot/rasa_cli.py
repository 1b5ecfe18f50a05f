"""`python -m bot.rasa_cli ARGS`: `rasa ARGS`, minus known-harmless warnings.

Every Rasa 3.6 command starts with a screenful of warnings that say nothing
about this bot. Each one below is filtered by its category and by the module
it is raised for (and its message where that module raises others); every
other warning is shown as before.

- Third-party deprecations (`known_harmless`). PYTHONWARNINGS cannot filter
  them: Sanic, which Rasa imports, turns every DeprecationWarning back on with
  `filterwarnings("once", category=DeprecationWarning)` when it is imported,
  in front of the filters Python read from the environment. So Sanic is
  imported first and these filters go in front of its one.
- Rasa's validator warns that a response "is not used in any story or rule"
  when a form or a custom action utters it (RasaHQ/rasa#11843): here every
  response is (`responses_uttered_from_code`), and this module declares them,
  so the validator's warning stays for any response that is not.
- Rasa's recipe validator checks for `DIETClassifier` by exact type, so it
  warns that nothing extracts entities or uses the lookup tables: our
  `bot.diet_classifier.PredictionLoadedDIETClassifier` is a DIETClassifier.

Rasa puts `filterwarnings("once", category=UserWarning)` in front of every
filter when a command starts; the last two go in front of that through Rasa's
plugin hook `configure_commandline`, which it calls right after.
"""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path
from typing import Any, List, Set, Tuple, Type

import yaml

ROOT = Path(__file__).resolve().parent.parent
# Responses that Rasa's own default actions utter.
USED_BY_RASA = {"utter_restart", "utter_ask_rephrase", "utter_default"}
# The recipe validator's checks by exact type (see the module docstring).
DIET_SUBCLASS_FALSE_ALARMS = (
    "You have defined training data consisting of entity examples, but your NLU "
    "configuration does not include an entity extractor",
    "You have defined training data consisting of lookup tables, but your NLU "
    "configuration does not include any components that uses the features",
)

# (message regex, category, module regex), as in `warnings.filterwarnings`.
Filter = Tuple[str, Type[Warning], str]


def known_harmless() -> List[Filter]:
    from pyparsing.warnings import PyparsingDeprecationWarning
    from sqlalchemy.exc import SADeprecationWarning

    return [
        # Rasa 3.6 and spaCy 3.4 import setuptools' pkg_resources; matplotlib
        # and ruamel declare namespace packages through it.
        ("pkg_resources is deprecated", DeprecationWarning, r"(rasa|spacy)\."),
        (
            r"Deprecated call to `pkg_resources\.declare_namespace",
            DeprecationWarning,
            r"pkg_resources",
        ),
        # pyparsing 3.3 renamed its camelCase API; matplotlib and packaging,
        # both pulled in by Rasa, still call the old names.
        ("", PyparsingDeprecationWarning, r"(matplotlib|packaging)\."),
        # TensorFlow 2.12 imports jax's old entry point when jax is installed.
        (r"jax\.xla_computation is deprecated", DeprecationWarning, r"tensorflow\."),
        # Sanic-CORS 2.0 (Rasa's and rasa_sdk's) compares versions with distutils.
        ("distutils Version classes", DeprecationWarning, r"sanic_cors\."),
        # Rasa 3.6's SQL tracker store builds its URL the SQLAlchemy 1.3 way.
        (r"Calling URL\(\) directly", SADeprecationWarning, r"rasa\.core\."),
    ]


def responses_uttered_from_code(root: Path = ROOT) -> Set[str]:
    """Responses that forms, custom actions, our channels or Rasa utter.

    A form asks `utter_ask_<slot>`; `action_explain_question` utters
    `utter_why_<slot>`; the rest are named in actions/*.py or bot/channels/*.py.
    """
    domain = yaml.safe_load((root / "domain.yml").read_text(encoding="utf-8"))
    form_slots = {
        slot for form in domain["forms"].values() for slot in form["required_slots"]
    }
    asked = {f"utter_ask_{slot}" for slot in form_slots}
    explained = {f"utter_why_{slot}" for slot in form_slots}
    named = set()
    for source in [
        *(root / "actions").glob("*.py"),
        *(root / "bot" / "channels").glob("*.py"),
    ]:
        named |= set(re.findall(r"utter_\w+", source.read_text("utf-8")))
    return asked | explained | named | USED_BY_RASA


def user_warning_filters(root: Path = ROOT) -> List[Filter]:
    names = "|".join(sorted(responses_uttered_from_code(root)))
    return [
        (
            rf"The utterance '({names})' is not used in any story or rule\.$",
            UserWarning,
            r"rasa\.",
        ),
        *(
            (re.escape(text), UserWarning, r"rasa\.")
            for text in DIET_SUBCLASS_FALSE_ALARMS
        ),
    ]


def filter_known_harmless() -> None:
    """The deprecation filters, in front of Sanic's, which its import installs."""
    import sanic  # noqa: F401  (its import turns DeprecationWarnings on)

    for message, category, module in known_harmless():
        warnings.filterwarnings("ignore", message, category, module)


class _AfterRasasFilters:
    """A Rasa plugin: its hook runs after Rasa has set up its warning filters."""

    import pluggy

    @pluggy.HookimplMarker("rasa")
    def configure_commandline(self, cmdline_arguments: Any) -> None:
        for message, category, module in user_warning_filters():
            warnings.filterwarnings("ignore", message, category, module)


def main(argv: List[str]) -> None:
    filter_known_harmless()
    from rasa.__main__ import main as rasa_main
    from rasa.plugin import plugin_manager

    plugin_manager().register(_AfterRasasFilters())
    sys.argv = ["rasa", *argv]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
