"""GET /api/search and GET /api/passages/{id} (the source viewer's data)."""

from __future__ import annotations

from urllib.parse import quote

from fakes_web import FakeAssistant
from fastapi.testclient import TestClient


def test_search_ranks_passages_with_scores(client: TestClient, fake: FakeAssistant) -> None:
    r = client.get("/api/search", params={"q": "Liverpool facility jobs", "k": 3})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == "Liverpool facility jobs" and body["k"] == 3
    hits = body["hits"]
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert hits[0]["passage_id"] == "mini-deal#sector-action-2"
    assert hits[0]["scores"] == {"bm25": hits[0]["score"]}
    assert all(a["score"] >= b["score"] for a, b in zip(hits, hits[1:]))
    assert fake.calls[-1] == ("search", ("Liverpool facility jobs", 3))


def test_search_default_k_is_5(client: TestClient, fake: FakeAssistant) -> None:
    client.get("/api/search", params={"q": "the deal"})
    assert fake.calls[-1] == ("search", ("the deal", 5))


def test_passage_with_neighbours_section_and_document(client: TestClient, fake: FakeAssistant) -> None:
    pid = fake.passages[2].passage_id
    r = client.get(f"/api/passages/{quote(pid, safe='')}")
    assert r.status_code == 200
    body = r.json()
    assert body["passage"]["passage_id"] == pid
    assert body["passage"]["section"] == ["Key commitments", "Sector action"]
    assert body["passage"]["section_label"] == "Key commitments › Sector action"
    assert [p["passage_id"] for p in body["before"]] == [fake.passages[1].passage_id]
    assert [p["passage_id"] for p in body["after"]] == [fake.passages[3].passage_id]
    assert body["document"]["withdrawn"] is True


def test_passage_neighbour_count_and_footnotes(client: TestClient, fake: FakeAssistant) -> None:
    pid = fake.passages[1].passage_id
    body = client.get(f"/api/passages/{quote(pid, safe='')}", params={"n": 0}).json()
    assert body["before"] == [] and body["after"] == []
    assert body["passage"]["footnotes"][0]["text"] == "Subject to business case approval by HM Treasury"
    body = client.get(f"/api/passages/{quote(pid, safe='')}", params={"n": 5}).json()
    assert len(body["before"]) == 1 and len(body["after"]) == 3  # clipped at the document's ends


def test_unknown_passage_is_404_with_a_hint(client: TestClient) -> None:
    r = client.get("/api/passages/mini-deal%23no-such-0")
    assert r.status_code == 404
    assert r.json()["detail"] == (
        "unknown passage id 'mini-deal#no-such-0': use an id from /api/search or a citation"
        " (percent-encode '#' as %23)"
    )
