"""A made-up news folder with planted wire copies, for the copies tests and benchmarks/copies.py.

Every article is written from the same small grammar of news sentences
(made-up people, places and bodies), so unrelated articles share many
short phrases, as real news does. A story's copies keep its paragraphs
but change what sites change: the headline, the byline, the date line,
the furniture around the body, and a few light edits (words swapped,
a sentence or the last paragraph dropped, a line added at the end).
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

FIRST = "Ana Ben Carla Dmitri Elif Farid Greta Hugo Ines Jonas Kemal Lena Marco Nadia Oskar Priya Rafael Sofia Tomas Uma".split()
LAST = "Abara Brenner Castell Dorsey Elling Farrow Galvin Hartl Iriarte Janssen Kovac Lindqvist Moreau Nakamura Okafor Petrov Quill Rasmussen Sandoval Toivonen".split()
PLACES = "Alderport Brackwater Corvin Dunmere Eastvale Fenwick Glenhollow Harlow Bay Ironbridge Juniper Falls Kestrel Point Larkspur Millbrook Northgate Oakhaven Pinecrest Queensferry Redcliff Stonebridge Thornbury".split(
    " "
)
BODIES = [
    "the port authority",
    "the regional council",
    "the health ministry",
    "the transport union",
    "the central bank",
    "the water board",
    "the football federation",
    "the teachers' association",
    "the energy regulator",
    "the coast guard",
    "the farmers' cooperative",
    "the national museum",
    "the appeals court",
    "the weather service",
    "the housing agency",
]
VERBS = [
    "announced",
    "rejected",
    "approved",
    "postponed",
    "criticised",
    "defended",
    "proposed",
    "suspended",
    "reviewed",
    "welcomed",
    "questioned",
    "confirmed",
]
THINGS = [
    "a plan to expand the northern harbour",
    "new limits on night flights",
    "a pay offer for nurses",
    "the closure of two rural schools",
    "a tax on sugary drinks",
    "emergency repairs to the old bridge",
    "a ban on fishing in the estuary",
    "funding for a new stadium",
    "changes to the bus timetable",
    "a review of flood defences",
    "the sale of the state railway",
    "a rise in water prices",
    "plans for a wind farm offshore",
    "the merger of two hospitals",
    "stricter rules for landlords",
    "a curfew in the old town",
]
WHEN = [
    "on Monday",
    "on Tuesday",
    "late on Wednesday",
    "on Thursday morning",
    "on Friday",
    "over the weekend",
    "earlier this month",
    "after weeks of talks",
    "for the second time this year",
    "after a heated meeting",
]
TAILS = [
    "",
    ", according to officials",
    ", local media reported",
    ", in a statement seen by reporters",
    ", despite strong protests",
    ", citing rising costs",
    ", a spokesperson said",
]
QUOTES = [
    "We cannot wait any longer",
    "This is a good day for the town",
    "Nobody asked the people who live here",
    "The numbers simply do not add up",
    "We will look at every option",
    "It is too early to say what happens next",
    "Families deserve better than this",
    "We have listened and we have acted",
]
ROLES = ["mayor of", "a spokesperson for", "a resident of", "an economist in", "a lawyer in"]
SECTIONS = ["World", "Politics", "Business", "Local", "Science", "Sport"]
SITE_FURNITURE = [
    ["Share", "Advertisement"],
    ["Share this article", "Follow us"],
    ["Listen to this article", "Advertisement"],
    ["Photo: Staff photographer", "Image caption"],
    ["Sign up for our newsletter", "Read more"],
]
SITE_ENDS = [
    "More In World MORE...",
    "Related: more stories from the region",
    "Copyright 2025. All rights reserved.",
    "Most read",
    "",
]
SWAPS = {"said": "told reporters", "officials": "authorities", "plan": "proposal", "new": "fresh"}


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def sentence(rng: random.Random) -> str:
    """One news sentence from the grammar."""
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} {rng.choice(THINGS)} {rng.choice(WHEN)}{rng.choice(TAILS)}."
    if kind == 1:
        return (
            f'"{rng.choice(QUOTES)}," said {person(rng)}, {rng.choice(ROLES)} {rng.choice(PLACES)}.'
        )
    if kind == 2:
        return (
            f"In {rng.choice(PLACES)}, {rng.randrange(2, 900)} people {rng.choice(['gathered', 'marched', 'waited', 'signed a petition'])} "
            f"{rng.choice(WHEN)} as {rng.choice(BODIES)} {rng.choice(VERBS)} {rng.choice(THINGS)}."
        )
    return (
        f"The decision, which affects about {rng.randrange(1, 99)},{rng.randrange(100, 999)} households, "
        f"follows {rng.choice(THINGS)} {rng.choice(WHEN)}."
    )


def story(rng: random.Random) -> list[str]:
    """A story's paragraphs: 6 to 10, each of 1 to 3 sentences."""
    return [
        " ".join(sentence(rng) for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(6, 10))
    ]


def headline(rng: random.Random) -> str:
    return f"{rng.choice(BODIES).capitalize()} {rng.choice(VERBS)} {rng.choice(THINGS)}"


def edited(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The light edits a site makes to a wire story."""
    paragraphs = list(paragraphs)
    for _ in range(rng.randint(1, 3)):  # words swapped
        at = rng.randrange(len(paragraphs))
        word, other = rng.choice(list(SWAPS.items()))
        paragraphs[at] = paragraphs[at].replace(f" {word} ", f" {other} ", 1)
    if rng.random() < 0.5:  # a sentence dropped
        at = rng.randrange(len(paragraphs))
        sentences = paragraphs[at].split(". ")
        if len(sentences) > 1:
            del sentences[rng.randrange(len(sentences))]
            paragraphs[at] = ". ".join(sentences)
    if rng.random() < 0.4 and len(paragraphs) > 4:  # the end cut
        paragraphs.pop()
    if rng.random() < 0.3:
        paragraphs.append(f"Additional reporting by {person(rng)}.")
    if rng.random() < 0.3:  # typographic quotes
        paragraphs = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in paragraphs]
    return paragraphs


def page(rng: random.Random, title: str, paragraphs: list[str]) -> str:
    """An article file as a site's page gives it: section, headline, byline, date, furniture."""
    top = rng.choice(SITE_FURNITURE)
    lines = [
        rng.choice(SECTIONS),
        "",
        title,
        "",
        f"By {person(rng)}" if rng.random() < 0.7 else rng.choice(["Reuters", "AP", "Staff"]),
        f"Published {rng.randint(1, 28)} March 2025",
        "",
        *top,
        "",
    ]
    for number, paragraph in enumerate(paragraphs):
        lines += [paragraph, ""]
        if number == 2 and rng.random() < 0.5:
            lines += [rng.choice(["Advertisement", "Read more", "Share"]), ""]
    lines.append(rng.choice(SITE_ENDS))
    return "\n".join(lines) + "\n"


def plant(folder: Path, stories: int, copies: int, unrelated: int, seed: int = 0) -> dict[str, str]:
    """Write ``stories`` stories with ``copies`` copies each (besides the first) and ``unrelated``
    single articles into ``folder``, shuffled; returns each article's id and the story it tells
    (its own id for an unrelated one)."""
    rng = random.Random(seed)
    pages: list[tuple[str, str]] = []
    for number in range(stories):
        paragraphs = story(rng)
        pages.append((f"story{number}", page(rng, headline(rng), paragraphs)))
        for _ in range(copies):
            pages.append((f"story{number}", page(rng, headline(rng), edited(paragraphs, rng))))
    for _ in range(unrelated):
        pages.append(("", page(rng, headline(rng), story(rng))))
    rng.shuffle(pages)
    folder.mkdir(parents=True, exist_ok=True)
    told = {}
    for number, (tells, text) in enumerate(pages):
        article_id = f"{number:03d}_{rng.getrandbits(64):016x}"
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        told[article_id] = tells or article_id
    return told


def scored(told: dict[str, str], groups: list[list[str]]) -> tuple[float, float, int, int]:
    """How well ``groups`` (of ids) find the planted copies: the share of articles telling a
    story told more than once that are grouped with another telling it, the share of grouped
    articles put with one that tells another (an id ``told`` lacks tells its own), and how many
    of each there were."""
    grouped = {article_id: number for number, group in enumerate(groups) for article_id in group}
    tellings = Counter(told.values())
    copies = [article_id for article_id, tells in told.items() if tellings[tells] > 1]
    found = [
        article_id
        for article_id in copies
        if article_id in grouped
        and any(
            told[other] == told[article_id]
            for other in groups[grouped[article_id]]
            if other != article_id
        )
    ]
    wrong = [
        article_id
        for article_id, number in grouped.items()
        if any(
            told.get(other, other) != told.get(article_id, article_id) for other in groups[number]
        )
    ]
    return len(found) / len(copies), len(wrong) / max(1, len(grouped)), len(copies), len(grouped)
