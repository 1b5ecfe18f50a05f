"""Vraagwijzer's Python package beside Rasa: settings, store and CLI."""
