"""The understanding of the intake, with no Rasa import (see ../shared/STYLE.md)."""
