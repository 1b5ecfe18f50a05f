"""The coordinators' review app: a server-rendered Flask app over the store.

`make review` (or `python -m bot.review`) serves it; `bot.review.app.create_app`
builds it. Nothing here imports Flask until the app is created.
"""
