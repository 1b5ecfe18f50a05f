"""Custom Rasa input channels, named in credentials.yml.

webchat.WebChatInput
    Rasa's socket.io channel for the website widget (web/site/widget/), with the
    session persistence fixed for python-socketio 5 and unguessable session ids.
telegram.TelegramChannel
    Rasa's Telegram connector, hardened: webhook secret, repeated updates,
    attachments, callback data limit, configurable Bot API server.
rest.GuardedRestInput
    Rasa's REST channel (same name and URL) with a 400 for malformed bodies, a
    Dutch answer for empty or too long messages, and a short Dutch message when
    a turn fails behind it (action server, database, time limit).
"""
