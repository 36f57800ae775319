"""稼働状況, the manager's live board, end to end: two agents dial on the simulated carrier and the manager's board
(their home page) shows each state change as it happens, pushed over its socket; 休憩 with a reason shows with the
reason; today's calls count up; a closed phone screen turns オフライン after the reconnection grace."""
from playwright.sync_api import expect

from conftest import sign_in
from phone_helpers import download, expect_status, open_phone, set_settings


def agent_row(board, login_id):
    return board.locator(f'#floor-agents tr[data-agent="{login_id}"]')


def expect_state(board, login_id, state, timeout=5_000):
    """The board shows the state within a few seconds (the benchmark measures the real delay)."""
    expect(agent_row(board, login_id)).to_have_attribute("data-state", state, timeout=timeout)


def test_the_board_shows_each_agents_state_as_it_changes(phone_server, browser, page):
    server = phone_server
    # Every number answers after 20 simulated seconds: 1 s of 発信中 at the server's time scale of 20.
    set_settings(page, server, rules="* answer 20")
    agents = {}
    for login_id in ["agent1", "agent2"]:
        context = browser.new_context(locale="ja-JP")
        agents[login_id] = context.new_page()
        open_phone(agents[login_id], server, login_id)
        download(agents[login_id], 25)

    sign_in(page, server, "admin", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    board = page
    expect(board.locator("#floor-live")).to_be_visible()
    expect_state(board, "agent1", "idle")
    expect_state(board, "agent2", "idle")
    expect(agent_row(board, "agent1").locator("td.state")).to_have_text("待機中")
    expect(agent_row(board, "admin")).to_have_attribute("data-state", "offline")
    expect(board.locator('[data-total="signedIn"]')).to_have_text("2")

    one, two = agents["agent1"], agents["agent2"]
    one.locator("#start").click()
    expect_state(board, "agent1", "dialing")
    expect(agent_row(board, "agent1").locator("td.list")).to_have_text("デモリスト")
    expect_state(board, "agent1", "talking")
    two.locator("#start").click()
    expect_state(board, "agent2", "dialing")
    expect_state(board, "agent2", "talking")

    one.locator("#start").click()  # 終了: no next dial after this call
    one.locator("#dialpad-hangup").click()
    expect_state(board, "agent1", "wrapUp")
    expect(agent_row(board, "agent1").locator("td.calls")).to_have_text("1")
    expect(agent_row(board, "agent1").locator("td.contacts")).to_have_text("1")
    expect(agent_row(board, "agent1").locator("td.rate")).to_have_text("100.0%")

    # 休憩 asked for during agent2's call: it starts when the call ends, with its reason.
    two.locator("#pause-reason").select_option("会議")
    two.locator("#pause").click()
    expect(two.locator("#paused")).to_contain_text("通話が終わると休憩になります")
    expect_state(board, "agent2", "talking")
    two.locator("#dialpad-hangup").click()
    expect_state(board, "agent2", "paused")
    expect(agent_row(board, "agent2").locator("td.state")).to_have_text("休憩(会議)")
    expect(two.locator("#paused-text")).to_have_text("休憩中（会議）")
    expect(board.locator('[data-total="calls"]')).to_have_text("2")
    # The time in state ticks on the board.
    elapsed = agent_row(board, "agent2").locator("td.elapsed")
    expect(elapsed).to_have_text("0:02", timeout=5_000)

    two.locator("#resume").click()
    expect_state(board, "agent2", "idle")
    expect(two.locator("#paused")).to_be_hidden()

    # agent1 closes the phone screen: still signed in within the grace, オフライン after it.
    one.context.close()
    expect_state(board, "agent1", "offline", timeout=20_000)
    expect(board.locator('[data-total="signedIn"]')).to_have_text("1")
    # The agent's figures of the day stay on the board.
    expect(agent_row(board, "agent1").locator("td.calls")).to_have_text("1")
    two.context.close()


def test_an_agent_gets_no_board(server, page):
    sign_in(page, server, "agent1", "tsunagu-demo")
    page.wait_for_url(server["url"] + "/")
    expect(page.locator("#floor")).to_have_count(0)
    expect(page.get_by_role("link", name="稼働状況")).to_have_count(0)
    response = page.goto(server["url"] + "/floor")
    assert response.status == 403
