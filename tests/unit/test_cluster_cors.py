"""The cluster answers CORS as `make run` does: configured origins, never any."""

from bot.cluster.__main__ import cors_origins


def test_the_demo_site_by_default(monkeypatch) -> None:
    monkeypatch.delenv("CORS_ORIGINS", raising=False)
    assert cors_origins() == ["http://localhost:8080", "http://127.0.0.1:8080"]


def test_configured_origins_replace_the_default(monkeypatch) -> None:
    monkeypatch.setenv("CORS_ORIGINS", "https://pps.example.nl https://www.pps.example.nl")
    assert cors_origins() == ["https://pps.example.nl", "https://www.pps.example.nl"]
    assert "*" not in cors_origins()
