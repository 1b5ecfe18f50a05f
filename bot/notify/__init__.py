"""Telling coordinators of new requests: the mails (message.py), the SMTP
connection (smtp.py) and the worker that empties the store's outbox
(worker.py), run as `python -m bot mail`."""
