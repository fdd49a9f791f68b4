"""The chat page in a real browser: Debian's chromium, driven by Playwright, against the app
served by uvicorn on 127.0.0.1 with the fake assistant. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes_web import FakeAssistant, make_app

pytestmark = [
    pytest.mark.browser,
    # Gradio's queue statistics use pandas options that pandas 3 deprecates: not ours to fix.
    pytest.mark.filterwarnings("ignore:.*no_silent_downcasting:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
TIMEOUT_MS = 15_000

if not CHROMIUM.exists():
    pytest.skip("chromium is not installed: run `apt-get install -y chromium` (Debian) for the "
                "browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def fake() -> FakeAssistant:
    return FakeAssistant()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, fake: FakeAssistant) -> Iterator[str]:
    import uvicorn

    app = make_app(tmp_path_factory.mktemp("browser"), fake, with_ui=True)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 30 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # Never let Playwright fetch a browser: launch the system chromium by path.
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(base_url + "/", wait_until="load")
    page.locator("#dq-question textarea").wait_for()
    yield page
    context.close()


def ask(page, question: str) -> None:
    page.locator("#dq-question textarea").fill(question)
    page.locator("#dq-ask").click()


def test_ask_open_the_citation_and_see_the_highlighted_quote(page, fake: FakeAssistant) -> None:
    expect = sync_api.expect
    # The header says the deal is withdrawn before anything is asked.
    expect(page.locator("#dq-header .dq-banner--withdrawn")).to_contain_text("Withdrawn 1 May 2024")

    ask(page, "How much for the Vaccines Centre in Oxford?")
    answer = page.locator("#dq-chat .dq-answer--asserted").last
    expect(answer).to_be_visible()
    expected = fake.ask("How much for the Vaccines Centre in Oxford?")
    cite = answer.locator("a.dq-cite", has_text="[1]")
    expect(cite).to_be_visible()

    cite.click()
    card = page.locator("#dq-src-1-1")
    expect(card).to_have_class("dq-source dq-source--active")
    expect(card).to_have_attribute("open", "")
    mark = card.locator("mark")
    expect(mark).to_be_visible()
    expect(mark).to_have_text(expected.citations[0].quote)
    expect(card.locator(".dq-source__section")).to_have_text("Key commitments › Support manufacturing")
    expect(card.locator(".dq-banner--withdrawn")).to_be_visible()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-citation.png"), full_page=True)


def test_abstain_examples_follow_up_feedback_and_clear(page) -> None:
    expect = sync_api.expect
    page.locator("button.dq-example", has_text="still current government policy").click()
    expect(page.locator("#dq-chat .dq-answer:not(.dq-answer--streaming)").first).to_be_visible()

    ask(page, "Does the deal fund quantum computing?")
    abstained = page.locator("#dq-chat .dq-answer--abstained")
    expect(abstained).to_be_visible()
    expect(abstained).to_contain_text("Not answered by the deal")
    expect(abstained.locator("a.dq-cite")).to_have_count(0)

    ask(page, "Which company invests in Liverpool?")
    expect(page.locator("#dq-chat .dq-answer--asserted")).to_have_count(2)
    # The new answer has finished and shows its own sources (on a loaded machine, clicking
    # while it still streamed raced its final render, which shows the latest turn).
    expect(page.locator("#dq-chat .dq-answer--streaming")).to_have_count(0)
    expect(page.locator('.dq-turn[data-turn="3"]')).to_be_visible()
    # The [1] of the first answer still opens the first answer's source.
    page.locator("#dq-chat .dq-answer--asserted").first.locator("a.dq-cite").first.click()
    expect(page.locator('.dq-turn[data-turn="1"]')).to_be_visible()
    expect(page.locator('.dq-turn[data-turn="3"]')).to_be_hidden()

    page.locator("#dq-comment textarea").fill("names the company, good")
    page.locator("#dq-helpful").click()
    expect(page.locator("#dq-feedback-status")).to_contain_text("answer 3 saved as helpful")
    page.screenshot(path=str(ARTIFACTS / "chat-abstain-feedback.png"), full_page=True)

    page.locator("#dq-clear").click()
    expect(page.locator("#dq-chat .dq-answer")).to_have_count(0)
    expect(page.locator("#dq-sources-panel .dq-sources__empty")).to_be_visible()


def test_commitments_tab_table_chart_checks_and_csv(page, base_url: str) -> None:
    expect = sync_api.expect
    page.get_by_role("tab", name="Commitments").click()
    out = page.locator("#dq-cm-out .dq-cm")
    expect(out.locator(".dq-cm__table")).to_be_visible()
    expect(out.locator(".dq-check--mismatch")).to_contain_text("lines sum to £25m")
    chart = out.locator("img.dq-cm__chart")
    expect(chart).to_be_visible()
    # The chart really loaded (a broken image has no natural width).
    page.wait_for_function("() => document.querySelector('img.dq-cm__chart').naturalWidth > 300")
    page.screenshot(path=str(ARTIFACTS / "commitments.png"), full_page=True)

    page.locator("#dq-cm-place input, #dq-cm-place textarea").first.fill("Liverpool")
    page.locator("#dq-cm-apply").click()
    expect(out.locator(".dq-cm__row")).to_have_count(2)
    expect(out.locator(".dq-cm__count")).to_contain_text("2 commitments")
    link = out.locator("a.dq-cm__csv")
    href = link.get_attribute("href")
    assert href == "/api/commitments?format=csv&place=Liverpool"
    with page.expect_download() as info:
        link.click()
    csv_text = Path(info.value.path()).read_text(encoding="utf-8")
    assert csv_text.startswith("id,amount,") and csv_text.count("\n") == 3

    page.locator("#dq-cm-min input, #dq-cm-min textarea").first.fill("lots")
    page.locator("#dq-cm-apply").click()
    expect(page.locator("#dq-cm-out .dq-note--error")).to_contain_text("cannot read the amount")


def test_find_support_tab_ranks_matches_and_opens_their_sources(page) -> None:
    expect = sync_api.expect
    page.get_by_role("tab", name="Find support").click()
    page.locator("#dq-sp-text textarea").fill("We make vaccines in Oxford")
    page.locator("#dq-sp-needs label", has_text="funding").click()
    expect(page.locator("#dq-sp-needs label", has_text="manufacturing capacity")).to_be_visible()
    page.locator("#dq-sp-find").click()
    first = page.locator("#dq-sp-results .dq-match").first
    expect(first).to_be_visible()
    expect(first.locator(".dq-match__measure")).to_have_text("Vaccines Centre")
    expect(first.locator(".dq-match__figure")).to_have_text("£20m")
    expect(first.locator(".dq-match__conditions")).to_contain_text("Subject to business case")
    expect(first.locator(".dq-match__why")).to_contain_text("oxford")

    second = page.locator("#dq-sp-results .dq-match").nth(1)
    second.locator("a.dq-cite").first.click()
    card = page.locator("#dq-src-m2-1")
    expect(card).to_have_class("dq-source dq-source--active")
    expect(card.locator("mark")).to_be_visible()
    expect(page.locator('#dq-sp-sources .dq-turn[data-turn="m1"]')).to_be_hidden()
    page.screenshot(path=str(ARTIFACTS / "find-support.png"), full_page=True)
