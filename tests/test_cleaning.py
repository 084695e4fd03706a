"""Tests for pipeline.cleaning: invented pages shaped like real sources, plus the five seeds."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import numpy as np
import pytest

from pipeline.cleaning import (
    CleanArticle,
    clean_html,
    clean_text,
    normalize_text,
    select_blocks,
)

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = json.loads(
    (ROOT / "tests/fixtures/cleaning/seeds_expected.json").read_text(encoding="utf-8")
)["articles"]

BODY = [
    "Officials in the northern province said on Tuesday that the new bridge over the river would "
    "open to traffic next spring, after three years of delays caused by flooding and a dispute "
    "over the contract.",
    "“We have waited long enough for this crossing, and the people who drive two hours around "
    "the valley every day deserve it,” the regional governor told reporters at the site.",
    "The project, which cost more than twice the original estimate, has been criticised by "
    "opposition lawmakers who say the money should have gone to the local hospital instead.",
    "Engineers said the final inspections would take place in the winter, when the water level "
    "is at its lowest and the divers can examine the foundations of the central pillars.",
]


def page(*lines: str) -> str:
    return "\n\n".join(lines)


def paragraphs(article: CleanArticle) -> list[str]:
    return article.text.split("\n\n")


def test_breadcrumb_triple_title_share_line_and_wire_tail() -> None:
    raw = (
        "Home news Bridge to open next spring\n\nBridge to open next spring\n\n"
        "Bridge to open next spring\nPublished March 2, 2021 Updated March 4, 2021 "
        "Bookmark Bookmark Share WhatsApp Telegram Facebook Twitter Email LinkedIn\n\n"
        + page("RIVERTON/LAKESIDE — " + BODY[0], *BODY[1:3], BODY[3] + " REUTERS")
    )
    article = clean_text(raw)
    assert article.title == "Bridge to open next spring"
    assert article.published == datetime.date(2021, 3, 2)
    assert article.modified == datetime.date(2021, 3, 4)
    assert article.dateline == "RIVERTON/LAKESIDE"
    assert article.wire == "Reuters"
    assert paragraphs(article) == BODY
    for junk in ("Bookmark", "WhatsApp", "Home news", "REUTERS"):
        assert junk not in article.text


def test_posted_modified_caption_byline_contact_related_footer() -> None:
    caption = "A crowd gathers at the river bank to watch the first test crossing. (Newsy)"
    raw = page(
        "Bridge to open next spring",
        "Posted on : 2021-03-02 17:02 KST Modified on : 2022-01-11 12:41 KST\n"
        "The crossing was promised a decade ago\n" + caption + "\n" + caption,
        *BODY,
        "By Alma Ortega-Ruiz, staff reporter",
        "Please direct questions or comments to [desk@example-news.com]",
        "button that move to original article (원문으로 이동하는 버튼)",
        "Related stories",
        "Most viewed articles",
    )
    article = clean_text(raw)
    assert article.published == datetime.date(2021, 3, 2)
    assert article.modified == datetime.date(2022, 1, 11)
    assert article.authors == ["Alma Ortega-Ruiz"]
    assert article.outlet == "example-news.com"
    assert caption in article.captions
    assert paragraphs(article) == BODY


def test_credit_caption_and_agency_dateline() -> None:
    raw = page(
        "Bridge to open next spring",
        "Agency/Jane Photographer/Pool via WIREX\n"
        "Workers stand on the unfinished bridge in Riverton, Northland, March 1, 2021.",
        "RIVERTON, Northland, March 2 (Wirex) – " + BODY[0],
        *BODY[1:],
    )
    article = clean_text(raw)
    assert article.dateline == "RIVERTON, Northland"
    assert article.wire == "Wirex"
    assert article.published == datetime.date(2021, 3, 1)
    assert "Jane Photographer" in article.credit_names
    assert paragraphs(article)[0] == BODY[0]
    assert "Workers stand" not in article.text


def test_place_line_dateline_short_published_and_trailer_block() -> None:
    raw = page(
        "Bridge to open next spring", "Published Mar 2, 2021", "Riverton, Northland", *BODY,
        "AGX & Wirex",
    )
    article = clean_text(raw)
    assert article.published == datetime.date(2021, 3, 2)
    assert article.dateline == "Riverton, Northland"
    assert article.wire == "AGX & Wirex"
    assert paragraphs(article) == BODY


def test_read_more_photo_credit_bylines_heading_and_reporting_credits() -> None:
    raw = page(
        " date 2021-03-02 Some Outlet",
        "Bridge to open next spring",
        "Engineers walk on the new deck of the bridge. (Photo: Piotr Nowakowski)\nBy Wirex\n"
        "2 Mar 2021\n" + BODY[0],
        BODY[1],
        "Read more in The Valley Gazette: Floods close the old ferry for a month",
        BODY[2],
        "Foundations",
        BODY[3],
        "By Maria Keller and Tomas Brandt",
        "(Reporting by Ana Lima in Riverton, Li Wei in Lakeside; Editing by John Roe)",
    )
    article = clean_text(raw)
    assert article.title == "Bridge to open next spring"
    assert article.published == datetime.date(2021, 3, 2)
    assert article.authors == ["Maria Keller", "Tomas Brandt"]
    assert article.outlet == "The Valley Gazette"
    assert article.wire == "Wirex"
    for name in ("Piotr Nowakowski", "Ana Lima", "Li Wei", "John Roe", "Maria Keller"):
        assert name in article.credit_names
    assert paragraphs(article)[0] == BODY[0]
    assert paragraphs(article)[-1] == BODY[3]
    assert "Read more" not in article.text
    assert "Foundations Engineers" not in article.text  # a heading never glues onto prose
    assert all("\n" not in p for p in paragraphs(article))


def test_normalize_text_spaces_confusables_crlf_and_quotes() -> None:
    assert normalize_text("a\u00a0b\u2009c\r\nd\re") == "a b c\nd\ne"
    assert normalize_text("the Vostok \u0421osmos base") == "the Vostok Cosmos base"
    assert normalize_text("Москва") == "Москва"  # a genuinely Cyrillic word is untouched
    assert normalize_text("“It’s here,” he said") == "“It’s here,” he said"


def test_crlf_and_nbsp_input_gives_clean_paragraphs() -> None:
    raw = page("Bridge to open next spring", *BODY).replace("\n", "\r\n")
    raw = raw.replace(" the ", "\u00a0the ")
    article = clean_text(raw)
    assert article.text == "\n\n".join(BODY)
    assert article.text == article.text.strip()


def test_clean_html_uses_extraction_and_metadata() -> None:
    body = "".join(f"<p>{p}</p>" for p in BODY)
    html = (
        "<html><head><title>Bridge to open next spring</title>"
        '<meta property="article:published_time" content="2021-03-02"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Bridge to open next spring</h1>{body}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>"
    )
    article = clean_html(html)
    assert article.title == "Bridge to open next spring"
    assert article.published == datetime.date(2021, 3, 2)
    assert paragraphs(article) == BODY


def test_reader_comments_after_the_article_are_not_body() -> None:
    comments = [
        "riverfan88 says:",
        "Three years late and twice the price, and they call this a success story for the valley.",
        "oldferryman says:",
        "I will miss the ferry, but the drive around the valley every morning is a nightmare.",
        "kayak_kim says:",
        "Hopefully the divers find nothing wrong with the pillars, because we cannot wait more.",
    ]
    raw = page("Bridge to open next spring", *BODY, "3 responses to “Bridge to open”", *comments)
    article = clean_text(raw)
    assert paragraphs(article) == BODY
    assert "says:" not in article.text and "ferry" not in article.text


def test_a_comments_button_in_a_share_bar_does_not_end_the_article() -> None:
    blocks = [*BODY[:2], "Facebook", "Comments", "Print", *BODY[2:]]
    probs = np.array([0.9, 0.9, 0.05, 0.05, 0.05, 0.9, 0.9])
    keep = select_blocks(blocks, probs, 0.3)
    assert [b for b, k in zip(blocks, keep, strict=True) if k] == BODY


def test_gallery_counters_credit_tails_and_section_headings_leave_the_body() -> None:
    photo = "Divers prepare to inspect the central pillars of the bridge. Credit: Northland Agency"
    raw = page(
        "Bridge to open next spring",
        *BODY[:2],
        "Image 1 of 2",
        "The unfinished deck of the bridge seen from the eastern bank of the river.",
        "Image 2 of 2",
        photo,
        *BODY[2:],
        "Related coverage from Valley News: Transport:",
        "More Transport",
    )
    article = clean_text(raw)
    assert paragraphs(article) == BODY
    assert photo in article.captions
    assert "unfinished deck" not in article.text


def test_selection_prefers_a_confident_body_to_a_longer_doubtful_teaser_run() -> None:
    teasers = [f"Teaser headline number {i} about something else entirely today" for i in range(12)]
    junk = ["Menu", "Sign in", "Related stories", *(f"Section {i}" for i in range(17))]
    blocks = [*teasers, *junk, *BODY]
    probs = np.array([0.35] * len(teasers) + [0.05] * len(junk) + [0.95] * len(BODY))
    probs[len(teasers) + 2] = 0.9  # a section heading is never kept, however it scores
    keep = select_blocks(blocks, probs, 0.3)
    assert [b for b, k in zip(blocks, keep, strict=True) if k] == BODY


def test_a_paragraph_opening_with_a_date_is_body_not_a_date_line() -> None:
    first = "March 2, 2021 was the day " + BODY[0][0].lower() + BODY[0][1:]
    article = clean_text(page("Bridge to open next spring", first, *BODY[1:]))
    assert paragraphs(article)[0] == first


@pytest.mark.parametrize("seed_id", sorted(EXPECTED))
def test_seed_articles(seed_id: str) -> None:
    expected = EXPECTED[seed_id]
    article = clean_text((ROOT / "seeds" / f"{seed_id}.txt").read_text(encoding="utf-8-sig"))
    assert article.title == expected["title"]
    assert article.published == datetime.date.fromisoformat(expected["published"])
    assert article.authors == expected["authors"]
    assert article.dateline == expected["dateline"]
    assert paragraphs(article)[0].startswith(expected["body_first"])
    assert expected["body_last"] in paragraphs(article)[-1]
    for junk in expected["boilerplate"]:
        assert junk not in article.text
    assert set(article.authors) <= set(article.credit_names)
    assert all(caption not in article.text for caption in article.captions)


def test_embedded_post_markup_is_dropped_but_does_not_hide_the_lead() -> None:
    """A source's embed markup between short lead paragraphs was read as a share bar, a
    header item, and the lead above it went with it."""
    lead = "The mayor will answer the council's report with a speech of her own on Friday."
    short = "Her morning post followed another that attacked the council."
    raw = page("Mayor to answer council report", lead,
               '<tweet tweet-id="1234567890"><tweet/>.', short,
               '<tweet tweet-id="1234567891"><tweet/>.', *BODY)
    article = clean_text(raw)
    assert paragraphs(article) == [lead, short, *BODY]
    # counter-example: a share bar on top is still header, not body
    shared = clean_text(page("Mayor to answer council report", "Share Tweet Email", *BODY))
    assert paragraphs(shared) == BODY


def test_a_glued_live_blog_widget_becomes_a_paragraph_break() -> None:
    """A page export glued a post's buttons, author and time stamp to the caption before it
    and the next post's headline: the widget goes, the two posts are blocks of their own."""
    headline = "Mayor Wants A New Bridge"
    raw = page("Council live blog", BODY[0],
               BODY[1] + "FlagShareLikeReplyJo Doe 5ptsmoderatorFeaturedMay 6, 2016 9:12PM"
               + headline, *BODY[2:])
    article = clean_text(raw)
    assert "ShareLike" not in article.text and "5pts" not in article.text
    assert BODY[1] in paragraphs(article) and BODY[2] in paragraphs(article)
    # counter-example: one button word in prose is prose
    prose = "Readers can Share their views or Reply to the mayor by Email until Friday."
    assert prose in paragraphs(clean_text(page("Council live blog", prose, *BODY)))


def test_a_date_in_the_prose_is_no_publication_date() -> None:
    """The BBC's articles carry no date: "born on 5 April 1920" in a profile's body was taken
    for one, and every "on Tuesday" of the article resolved against it."""
    profile = ("The novelist, who was born in Luton on 5 April 1920, wrote eleven best-selling "
               "books about airports, hotels and banks before he retired to the Bahamas.")
    article = clean_text(page("Novelist dies at 84", profile, *BODY))
    assert article.published is None
    # counter-examples: a short date line, or a caption above the body, dates the page
    dated = clean_text(page("Novelist dies at 84", "By Jo Doe on May 2, 2019", profile, *BODY))
    assert dated.published == datetime.date(2019, 5, 2)
    caption = ("The novelist at his home in Nassau, the Bahamas, photographed for this "
               "newspaper's weekend magazine, May 3, 2019.")
    pictured = clean_text(page("Novelist dies at 84", "Jo Doe/Pool via REUTERS", caption, *BODY))
    assert pictured.published == datetime.date(2019, 5, 3)


def test_the_file_names_date_beats_a_date_heading_in_the_text() -> None:
    """An archive names its files by publication date; a timeline's heading "Oct. 31, 2012"
    is no publication date, while a labelled date line of the page still is."""
    raw = page("What went wrong", BODY[0], "October 31, 2012", *BODY[1:])
    named = datetime.date(2016, 2, 11)
    assert clean_text(raw, named).published == named
    labelled = page("What went wrong", "Published February 10, 2016", *BODY)
    assert clean_text(labelled, named).published == datetime.date(2016, 2, 10)
