"""The production topology on one machine: `python -m bot.cluster start|stop|status`."""
