"""The chat UI's behaviour (ChatController) without Gradio or a browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes_web import FakeAssistant

from api.feedback_store import FeedbackSource, FeedbackStore
from dealqa.types import Turn
from ui.controller import KEEP_BOX, ChatController
from ui.examples import load_examples


@pytest.fixture
def fake() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture
def store(tmp_path: Path) -> FeedbackStore:
    return FeedbackStore(tmp_path / "fb.sqlite3")


@pytest.fixture
def ctl(fake: FakeAssistant, store: FeedbackStore) -> ChatController:
    return ChatController(lambda: fake, store, max_question_chars=100)


def run(ctl: ChatController, q: str, chat=None, records=None):
    updates = list(ctl.respond(q, chat or [], records or []))
    return updates, updates[-1]


def test_constructor_validates(store: FeedbackStore) -> None:
    with pytest.raises(ValueError, match="history_turns must be > 0, got 0"):
        ChatController(lambda: None, store, history_turns=0)


def test_respond_streams_then_shows_the_cited_answer(ctl: ChatController) -> None:
    updates, (box, chat, records, panel) = run(ctl, "  Liverpool jobs ")
    first_box, first_chat, _, _ = updates[0]
    assert first_box == "" and first_chat[0] == {"role": "user", "content": "Liverpool jobs"}
    # Cleared once, when the question is taken; the streaming updates leave the box alone, so a
    # next question typed while this answer streams is not wiped.
    assert box is KEEP_BOX and all(u[0] is KEEP_BOX for u in updates[1:])
    partial = [u[1][-1]["content"] for u in updates[1:-1]]
    assert partial and all("dq-answer--streaming" in p for p in partial)
    final = chat[-1]["content"]
    assert "dq-answer--asserted" in final and 'href="#dq-src-1-1"' in final
    assert records[0]["turn"] == 1 and records[0]["chat_index"] == 1
    assert records[0]["answer"]["citations"][0]["passage_id"] == "mini-deal#sector-action-2"
    assert 'id="dq-src-1-1"' in panel and "<mark>" in panel and "dq-banner--withdrawn" in panel


def test_abstaining_answer_is_styled_as_such(ctl: ChatController) -> None:
    _, (_, chat, records, panel) = run(ctl, "Anything on quantum sensing?")
    assert "dq-answer--abstained" in chat[-1]["content"]
    assert records[0]["answer"]["abstained"] is True
    assert "dq-sources__empty" in panel  # nothing cited, nothing to show


def test_follow_up_sends_the_earlier_turns(ctl: ChatController, fake: FakeAssistant) -> None:
    _, (_, chat, records, _) = run(ctl, "Liverpool facility")
    _, (_, chat, records, panel) = run(ctl, "How many jobs?", chat, records)
    _, (question, history) = fake.calls[-1]
    assert question == "How many jobs?"
    assert history == (Turn("Liverpool facility", records[0]["answer"]["text"]),)
    assert [r["turn"] for r in records] == [1, 2] and records[1]["chat_index"] == 3
    assert 'data-turn="1"' in panel and 'data-turn="2"' in panel


def test_history_and_kept_turns_are_bounded(fake: FakeAssistant, store: FeedbackStore) -> None:
    ctl = ChatController(lambda: fake, store, history_turns=2, kept_turns=3)
    chat, records = [], []
    for i in range(5):
        _, (_, chat, records, _) = run(ctl, f"Liverpool {i}", chat, records)
    assert [r["turn"] for r in records] == [3, 4, 5]
    assert [t.q for t in fake.calls[-1][1][1]] == ["Liverpool 2", "Liverpool 3"]


def test_empty_message_changes_nothing(ctl: ChatController, fake: FakeAssistant) -> None:
    updates, (box, chat, records, _) = run(ctl, "   ")
    assert len(updates) == 1 and (box, chat, records) == ("", [], []) and fake.calls == []


def test_too_long_question_is_refused_and_kept_for_editing(ctl: ChatController, fake: FakeAssistant) -> None:
    long_q = "Liverpool " * 20
    _, (box, chat, records, _) = run(ctl, long_q)
    assert box == long_q and records == [] and fake.calls == []
    assert "dq-answer--error" in chat[-1]["content"] and "over the 100 limit" in chat[-1]["content"]


def test_assistant_rejection_and_failure_become_error_bubbles(store: FeedbackStore) -> None:
    ctl = ChatController(lambda: FakeAssistant(), store)
    _, (_, chat, records, _) = run(ctl, "???")
    assert "question has no words in it" in chat[-1]["content"] and records == []
    broken = ChatController(lambda: FakeAssistant(fail_stream_after=1), store)
    _, (_, chat, records, _) = run(broken, "Liverpool jobs")
    assert "Something went wrong while answering" in chat[-1]["content"] and records == []


def test_not_loaded_yet(store: FeedbackStore) -> None:
    ctl = ChatController(lambda: None, store)
    _, (_, chat, _, _) = run(ctl, "Liverpool")
    assert "still loading" in chat[-1]["content"]
    assert "Loading" in ctl.header()


def test_clear_resets_everything(ctl: ChatController) -> None:
    box, chat, records, panel, status = ctl.clear()
    assert (box, chat, records, status) == ("", [], [], "") and "dq-sources__empty" in panel


def test_rate_last_answer_with_comment(ctl: ChatController, store: FeedbackStore) -> None:
    assert ctl.rate_last(True, "x", []) == ("Ask a question first, then rate its answer.", "x")
    _, (_, _, records, _) = run(ctl, "Liverpool jobs")
    status, comment = ctl.rate_last(False, " wrong city ", records)
    assert comment == "" and "saved as not helpful" in status
    [row] = store.recent()
    assert (row.question, row.helpful, row.comment, row.source) == (
        "Liverpool jobs", False, "wrong city", FeedbackSource.UI)
    assert row.answer == records[0]["answer"]["text"] and row.abstained is False
    assert row.citations[0]["passage_id"] == "mini-deal#sector-action-2"


def test_thumbs_on_a_message_rate_that_answer(ctl: ChatController, store: FeedbackStore) -> None:
    _, (_, chat, records, _) = run(ctl, "Liverpool jobs")
    _, (_, chat, records, _) = run(ctl, "Oxford vaccines", chat, records)
    assert "answer 1 saved as helpful" in ctl.rate_message(1, True, records)
    assert "answer 2 saved as not helpful" in ctl.rate_message(3, "Dislike", records)
    assert ctl.rate_message(0, True, records) == ""  # a user message: nothing to rate
    assert [(r.question, r.helpful) for r in store.recent()] == [
        ("Oxford vaccines", False), ("Liverpool jobs", True)]


def test_header_shows_the_title_and_withdrawn_banner(ctl: ChatController) -> None:
    html = ctl.header()
    assert "Mini Sector Deal" in html and "dq-banner--withdrawn" in html


def test_examples_cover_three_kinds_of_user() -> None:
    groups = load_examples()
    assert [g.audience for g in groups] == ["A business", "An official", "An evaluator"]
    assert all(g.questions for g in groups)


def test_unreadable_examples_name_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "ex.json"
    bad.write_text('[{"audience": "x"}]')
    with pytest.raises(ValueError, match="example questions in .*ex.json are unreadable"):
        load_examples(bad)
