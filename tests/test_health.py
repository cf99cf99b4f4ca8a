"""The liveness probe: a worker that can run a view says "ok", whatever the database is doing."""


def test_live_says_ok_in_plain_text(client):
    response = client.get("/health/live/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"] == "text/plain"


def test_live_is_never_stored_by_a_cache_or_cdn(client):
    response = client.get("/health/live/")

    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_live_needs_no_database(client):
    # No `db` fixture: pytest-django fails any query this request makes.
    assert client.get("/health/live/").status_code == 200


def test_live_has_no_language_prefix(client, home):
    # Outside i18n_patterns: Wagtail, not the probe, answers a prefixed path.
    assert client.get("/es/health/live/").status_code == 404


def test_live_answers_head_but_refuses_writes(client):
    assert client.head("/health/live/").status_code == 200
    assert client.post("/health/live/").status_code == 405
