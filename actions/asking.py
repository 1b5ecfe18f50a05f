"""The form validations ask the questions whose wording needs code themselves.

After a form's validation action, Rasa asks for the next slot: with
`utter_ask_<slot>` from domain.yml, or by calling `action_ask_<slot>` on the
action server, a second round trip in the same turn. Where the question
depends on what is known (ask the place with the company name while it is
unknown, restate the question, rank the options), the validation action,
which already has the tracker, asks it in its own call instead. domain.yml
has neither an `utter_ask_<slot>` nor an `action_ask_<slot>` for those slots,
so the form then asks nothing more for them.

The next slot is the one Rasa's form asks for (rasa/core/actions/forms.py,
`request_next_slot`): the first `requested_slot` the validation set, else the
first empty slot of the form in domain.yml; none when the validation ended the
form. When Rasa rejects the form's run because nothing was extracted, it
drops the question with the validation's other events, as it would not ask
then either.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Callable, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT, FormValidationAction
from rasa_sdk.types import DomainDict

Question = Callable[[CollectingDispatcher, Tracker, DomainDict], List[EventType]]
# The response that asks a slot again after an answer it could not use.
REASK_PREFIX = "utter_invalid_"


def slot_asked_next(
    events: List[EventType], tracker: Tracker, form: Text, domain: DomainDict
) -> Optional[Text]:
    """The slot Rasa's form asks for after these validation events, or None;
    `tracker` already holds the slots they set."""
    requested = [
        e
        for e in events
        if e.get("event") == "slot" and e.get("name") == REQUESTED_SLOT
    ]
    ended = any(
        e.get("event") == "active_loop" and e.get("name") is None for e in events
    )
    if ended or (requested and requested[-1].get("value") is None):
        return None
    if requested and requested[0].get("value"):
        return requested[0]["value"]
    required = (domain.get("forms", {}).get(form) or {}).get("required_slots", [])
    return next((slot for slot in required if tracker.get_slot(slot) is None), None)


class AsksInTheSameCall(FormValidationAction):
    """A form validation that asks the next question when `questions` has it.

    Subclasses validate in `validate_turn` (what `run` would otherwise be).
    """

    questions: Dict[Text, Question] = {}

    @abstractmethod
    def name(self) -> Text:
        """validate_<form>; abstract, so that rasa_sdk registers only subclasses."""

    def form_name(self) -> Text:
        return self.name().replace("validate_", "", 1)

    async def validate_turn(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        return await super().run(dispatcher, tracker, domain)

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        said_before = len(dispatcher.messages)
        events = await self.validate_turn(dispatcher, tracker, domain)
        tracker.add_slots(events)  # as Rasa's form sees them when it asks
        slot = slot_asked_next(events, tracker, self.form_name(), domain)
        ask = self.questions.get(slot) if slot else None
        said_now = dispatcher.messages[said_before:]
        if said_now and said_now[-1].get("response") == f"{REASK_PREFIX}{slot}":
            # "Onder welke branche valt dat het meest?" asks it again already
            return events
        return events + ask(dispatcher, tracker, domain) if ask else events
