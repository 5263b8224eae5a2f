"""``news browse`` driven headless through Textual's pilot: what it shows, and what it changes."""

import asyncio

import pytest
from conftest import mock_environment
from rich.cells import cell_len

from newsreader.browse.app import BrowseApp, Help, Prompt, Reader
from newsreader.library import Library

A, B, C = "001_aaaaaaaaaaaaaaaa", "002_bbbbbbbbbbbbbbbb", "003_cccccccccccccccc"


@pytest.fixture
def env(cache_dir, data_dir):
    return mock_environment({"NEWS_CACHE_DIR": str(cache_dir), "NEWS_DATA_DIR": str(data_dir)})


def browsing(folder, env, scenario, size=(100, 24)):
    """Run ``scenario(pilot, app)`` in a headless browser on ``folder``."""

    async def run():
        app = BrowseApp(Library.open(folder, env))
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot, app)

    asyncio.run(run())


def lines(app) -> list[str]:
    """The list's rows as painted."""
    return [app.rows.render_line(y).text for y in range(app.rows.total)]


def marked(cli, folder, *flags) -> str:
    return "".join(
        line.split("\t")[0] + "\n"
        for line in cli("--dir", str(folder), "list", *flags).stdout.splitlines()
    )


def test_the_list_has_news_lists_columns_unread_bold_and_a_star(basic, env, cli):
    cli("--dir", str(basic), "star", "2")
    cli("--dir", str(basic), "mark", "read", "1")

    async def scenario(pilot, app):
        shown = lines(app)
        assert shown[0].startswith(f"  {A} 2025-03-18 World            71 Harbour reopens")
        assert shown[1].startswith(f"* {B} 2024-11-02 Science          70 Telescope")
        assert len(shown) == 4 and all(len(line) == 100 for line in shown)
        bold = [
            any(seg.style and seg.style.bold for seg in app.rows.render_line(y)) for y in (1, 2)
        ]
        first = app.rows.render_line(0)
        assert bold == [True, True] and any(seg.style and seg.style.reverse for seg in first)
        assert not any(seg.style and seg.style.bold for seg in first)  # read

    browsing(basic, env, scenario)


def test_enter_reads_the_article_and_marks_it_read_esc_goes_back(basic, env, cli):
    async def scenario(pilot, app):
        await pilot.press("down", "enter")
        assert isinstance(app.screen, Reader) and app.screen.article.id == B
        text = "\n".join(
            line.text
            for line in app.screen.query_one("#article").render_lines(
                app.screen.query_one("#article").region.reset_offset
            )
        )
        assert "Telescope finds water vapour" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, Reader)
        assert not any(seg.style and seg.style.bold for seg in app.rows.render_line(1))

    browsing(basic, env, scenario)
    assert marked(cli, basic, "--read") == B + "\n"


def test_star_toggle_read_and_tag_go_to_the_reader_state(basic, env, cli):
    async def scenario(pilot, app):
        await pilot.press("s", "r", "j", "t")
        assert isinstance(app.screen, Prompt)
        await pilot.press(*"eu -draft", "enter")
        await pilot.pause()
        assert app.rows.render_line(0).text.startswith("*")

    browsing(basic, env, scenario)
    assert marked(cli, basic, "--starred") == A + "\n"
    assert marked(cli, basic, "--read") == A + "\n"
    assert marked(cli, basic, "--tag", "eu") == B + "\n"


def test_the_tag_prompt_names_the_tags_the_article_has(basic, env, cli):
    cli("--dir", str(basic), "tag", "1", "+eu", "+climate")

    async def scenario(pilot, app):
        await pilot.press("t")
        label = str(app.screen.query_one("#prompt-label").render())
        assert label == "Tags: climate, eu · +tag adds, -tag removes"
        await pilot.press(*"-eu", "enter")
        await pilot.pause()
        await pilot.press("t")
        assert str(app.screen.query_one("#prompt-label").render()).startswith("Tags: climate ·")

    browsing(basic, env, scenario)


def test_o_opens_the_article_address_in_the_browser(basic, env, monkeypatch):
    (basic / "001_aaaaaaaaaaaaaaaa.txt").write_text(
        (basic / "001_aaaaaaaaaaaaaaaa.txt").read_text()
        + "\nURL: https://harbour.example/reopens\n"
    )
    opened = []
    monkeypatch.setattr("webbrowser.open", opened.append)

    async def scenario(pilot, app):
        await pilot.press("o")  # from the list: the row under the cursor
        await pilot.press("j", "enter", "o")  # from the reader of an article that names none
        await pilot.pause()
        assert opened == ["https://harbour.example/reopens"]
        told = {notification.message for notification in app._notifications}
        assert "The file does not say where the article was published." in told

    browsing(basic, env, scenario)


def test_n_and_p_move_between_unread_articles_and_open_them_from_the_reader(basic, env, cli):
    cli("--dir", str(basic), "mark", "read", "2")

    async def scenario(pilot, app):
        await pilot.press("n")
        assert app.rows.cursor == 2  # 002 is read: skipped
        await pilot.press("enter", "n")
        assert isinstance(app.screen, Reader) and app.screen.article.id == "notes"
        await pilot.press("p")
        assert app.screen.article.id == A  # 003 was read when it was opened

    browsing(basic, env, scenario)


def test_search_and_section_filter_the_list(basic, env):
    async def scenario(pilot, app):
        await pilot.press("slash", *"harbour OR council", "enter")
        await pilot.pause()
        assert [line.split()[0] for line in lines(app)] == [A, C]
        await pilot.press("f", *"business", "enter")
        await pilot.pause()
        assert [line.split()[0] for line in lines(app)] == [C]
        status = str(app.screen.query_one("#status").render())
        assert status.startswith("1 article (section business, a search) · ")
        await pilot.press("slash", '"', "enter")  # an unclosed quote: said, nothing changes
        await pilot.pause()
        assert [line.split()[0] for line in lines(app)] == [C]
        await pilot.press("question_mark")
        assert isinstance(app.screen, Help)
        await pilot.press("x")
        assert not isinstance(app.screen, Help)

    browsing(basic, env, scenario)


def test_no_byte_of_a_file_acts_on_the_screen_and_no_markup_is_read(basic, env):
    (basic / "004_dddddddddddddddd.txt").write_text(
        "[bold red]Alarm[/] \x1b[2J\x1b]0;pwned\x07 headline \u202e reversed\n\n"
        "A body with [link=http://x]markup[/link] and \x1b[31mcolour\x1b[0m in it, long enough "
        "to be an article body for the parser to keep.\n",
        encoding="utf-8",
    )

    async def scenario(pilot, app):
        row = next(line for line in lines(app) if "004_" in line)
        assert "[bold red]Alarm[/]" in row and "\x1b" not in row and "\u202e" not in row
        index = [line.split()[0] for line in lines(app)].index("004_dddddddddddddddd")
        app.rows.cursor = index
        await pilot.press("enter")
        article = app.screen.query_one("#article")
        text = "\n".join(line.text for line in article.render_lines(article.region.reset_offset))
        assert "[link=http://x]markup[/link]" in text and "\x1b" not in text

    browsing(basic, env, scenario)


def test_the_reader_scrolls_with_j_k_space_and_b(basic, env):
    """The keys the help names move the article as they move the list, as in less."""

    async def scenario(pilot, app):
        await pilot.press("enter")
        reader = app.screen.query_one("#reader")
        await pilot.press("space")
        await pilot.pause()
        paged = reader.scroll_y
        await pilot.press("k")
        await pilot.pause()
        assert paged > 1 and reader.scroll_y == paged - 1
        await pilot.press("j", "j")
        await pilot.pause()
        assert reader.scroll_y == paged + 1
        await pilot.press("b")
        await pilot.pause()
        assert reader.scroll_y < paged

    browsing(basic, env, scenario, size=(60, 8))


def test_wide_characters_keep_the_columns_in_line(basic, env):
    """An id or a section in Chinese or Japanese takes two cells a character: the columns after
    it stay where they are on every other row."""
    (basic / "004_日本の記事.txt").write_text(
        "Harbour fees rise for the winter\n\nWORLD\n\n" + "The harbour board met. " * 10 + "\n",
        encoding="utf-8",
    )

    async def scenario(pilot, app):
        shown = lines(app)
        wide = next(line for line in shown if "日本" in line)
        other = next(line for line in shown if line.startswith(f"  {A}"))
        assert cell_len(wide) == cell_len(other) == 100
        title = cell_len(other[: other.index("Harbour reopens")])
        assert cell_len(wide[: wide.index("Harbour fees")]) == title

    browsing(basic, env, scenario)


def test_an_article_of_megabytes_opens_with_its_start_and_names_the_rest(basic, env):
    """Laying out a few megabytes of text held the screen for seconds: past 200,000 characters
    the reader says how many words are left and where to read them."""
    paragraph = "The harbour board met again on Tuesday and talked about the pier for hours. "
    (basic / "004_dddddddddddddddd.txt").write_text(
        "Harbour board talks for a week\n\n" + "\n\n".join([paragraph * 3] * 3000) + "\n",
        encoding="utf-8",
    )

    async def scenario(pilot, app):
        app.rows.cursor = [line.split()[0] for line in lines(app)].index("004_dddddddddddddddd")
        await pilot.press("enter")
        shown = app.screen.query_one("#article").content.renderables
        note = shown[-1].plain
        assert note.startswith("… ") and note.endswith(
            " more words: news show 004_dddddddddddddddd has them all"
        )
        kept = sum(len(text.plain.split()) for text in shown[3:-1])
        assert kept + int(note.split()[1].replace(",", "")) == 3000 * 3 * 14

    browsing(basic, env, scenario)


def test_a_narrow_screen_keeps_the_title(basic, env):
    async def scenario(pilot, app):
        assert lines(app)[0] == "  Harbour reopens after winter storms c…"

    browsing(basic, env, scenario, size=(40, 12))


def test_browse_outside_a_terminal_says_it_needs_one(cli, basic):
    result = cli("--dir", str(basic), "browse")
    assert (result.exit_code, result.stderr) == (2, "Error: news browse needs a terminal.\n")


def test_a_terminal_too_small_is_told_so_rather_than_crashing(basic, env):
    async def scenario(pilot, app):
        await pilot.press("enter", "escape", "j")
        told = {notification.message for notification in app._notifications}
        assert told == {"The terminal is too small for news browse."}

    browsing(basic, env, scenario, size=(15, 4))
