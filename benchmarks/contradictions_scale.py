"""How `claimtrack contradictions` scales: time and peak memory on 10k, 100k and 200k claims.

The stores are generated from realistic claims: actors drawn from the
country gazetteer, predicate classes from the lexicon, every claim kind and
modality, dates over twenty years, a few thousand speakers, and texts of news
length, so that blocks by proposition have the sizes a large news archive
would give them. Each claim also carries one to three event mentions worded as
the press words them: any word of an event class, the same side under several
names ("Libyan forces", "government troops", "pro-X fighters"), towns under
several spellings ("Zawiya", "Zawiyah", "al-Zawiya"), so that the frame matching
(spelling keys, sides, classes) is exercised at size. Each store is timed as a
real subprocess.

Each size is run ``--repeat`` times (default 3) and the fastest and the median
run are printed: on a shared machine, other tenants' load only ever adds time,
so the fastest run is the best estimate of the command's own cost, and the
median says how much the machine varies. ``--jobs`` is passed on to the
command (default: the machine's cores).

Usage:
    python benchmarks/contradictions_scale.py [--sizes 10000 100000 200000] [--repeat 3] [--jobs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.lexicon import _gazetteer, event_words, predicate_classes, target_classes
from claimtrack.models import ArticleRef, Claim, Event, Proposition, SpanRef, Speaker, claim_id, short_hash

KINDS = [
    ("event", "actual", 0.45),
    ("statement", "actual", 0.2),
    ("prediction", "predicted", 0.12),
    ("intention", "intended", 0.1),
    ("demand", "demanded", 0.06),
    ("opinion", "actual", 0.07),
]
SPEAKER_KINDS = ["person", "organization", "outlet", "anonymous", "author"]
WORDS = (
    "officials said the forces were moving out of the region after weeks of fighting and talks with "
    "the government over the future of its presence in the country according to reports"
).split()


SYLLABLES = "ka ri mo sa li ba du ne to fa zi ha wa ru me ya".split()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _spelling(rng: random.Random, name: str) -> str:
    """One of the ways the press spells a transliterated name: Zawiya, Zawiyah, al-Zawiya."""
    return rng.choice([name, name + "h" if name[-1] in "aeiou" else name, "al-" + name, name.replace("k", "q", 1)])


def _events(
    rng: random.Random,
    words: dict[str, list[tuple[str, str]]],
    country: str,
    demonym: str,
    towns: list[str],
    people: list[str],
    negated: bool,
    modality: str,
) -> list[Event]:
    """One to three event mentions, worded as the press words them: any word of the class, any name for the side."""
    out = []
    for _ in range(rng.randint(1, 3)):
        cls = rng.choice(sorted(words))
        lemma, pos = rng.choice(words[cls])
        side = rng.choice(
            [
                f"{demonym} forces",
                f"the {country} government",
                "government troops",
                "rebels",
                "the opposition",
                f"pro-{rng.choice(people).split()[-1]} fighters",
            ]
        )
        who = rng.choice(people)
        out.append(
            Event(
                lemma=lemma,
                pos=pos,
                start=0,
                end=len(lemma),
                negated=negated,
                modality=modality,
                subject=rng.choice([side, who, "he", None]),
                object=rng.choice([None, who.split()[-1], _spelling(rng, rng.choice(towns))]),
                owner=rng.choice([None, None, "rebel", "government"]),
                places=rng.choice([[], [_spelling(rng, rng.choice(towns))]]),
            )
        )
    return out


def generate(n: int, seed: int = 7) -> list[str]:
    """``n`` claims as JSON lines.

    Actors follow a Zipf-like law over a vocabulary that grows with the archive.
    What actually happens is a state per (actor, predicate class) that flips in one year
    out of ten; reports
    agree with it nine times in ten, predictions about the next years come true
    six times in ten, so agreement is common and contradictions are not rare.
    """
    rng = random.Random(seed)
    countries = sorted(set(_gazetteer().values()))
    # a larger archive covers more stories: one new actor (a party, a company, a militia) per
    # 40 claims, after the countries, which stay the most frequent
    actors = countries + [f"Organization {k}" for k in range(n // 40)]
    classes = sorted(predicate_classes())
    targets = target_classes()
    speakers = [(f"Speaker {i}", rng.choice(SPEAKER_KINDS)) for i in range(3000)]
    weights = [k[2] for k in KINDS]
    by_class: dict[str, list[tuple[str, str]]] = {}
    for (word, pos), cls in sorted(event_words().items()):
        for c in cls:
            by_class.setdefault(c, []).append((word, pos))
    demonyms = {v: k for k, v in sorted(_gazetteer().items()) if k.endswith(("an", "ian", "ese", "i"))}
    # each story has its towns and its people, a few hundred claims long
    towns = [_name(rng) for _ in range(max(50, n // 100))]
    people = [f"{_name(rng)} {_name(rng)}" for _ in range(max(50, n // 50))]
    truth: dict[tuple[str, str], list[bool]] = {}

    def happens(subject: str, predicate: str, year: int) -> bool:
        # states of the world last: each year one in ten flips (a withdrawal, a new alliance)
        years = truth.get((subject, predicate))
        if years is None:
            years = truth[(subject, predicate)] = [rng.random() < 0.5]
            for _ in range(40):
                years.append(years[-1] != (rng.random() < 0.1))
        return years[year - 2005]

    lines = []
    n_articles = max(1, n // 20)
    for i in range(n):
        art = i % n_articles
        year = 2005 + art * 20 // n_articles
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        kind, modality, _ = rng.choices(KINDS, weights)[0]
        # a few actors are in the news far more often than the rest
        subject = actors[min(int(rng.paretovariate(0.8)) - 1, len(actors) - 1) * 7 % len(actors)]
        predicate = rng.choice(classes)
        if kind in ("prediction", "intention"):
            polarity = happens(subject, predicate, year + rng.randint(1, 3)) == (rng.random() < 0.6)
        else:
            polarity = happens(subject, predicate, year) == (rng.random() < 0.9)
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40)))
        start = rng.randint(0, 5000)
        span = SpanRef(start=start, end=start + len(text), text=text)
        aid = short_hash("bench", art)
        name, skind = rng.choice(speakers)
        prop = None
        if rng.random() < 0.8:
            # classes with targets ("support", "sanction") name what they are aimed at
            target = actors[min(int(rng.paretovariate(0.8)) - 1, len(actors) - 1) * 11 % len(actors)]
            prop = Proposition(
                subject=subject,
                predicate=predicate,
                object=target if predicate in targets else None,
                place=rng.choice([None, *countries[:30]]),
                polarity=polarity,
                modality=modality,
            )
        country = countries[art % len(countries)]
        story = art % max(1, len(towns) // 5)
        claim_events = _events(
            rng,
            by_class,
            country,
            demonyms.get(country, country).title(),
            towns[story * 5 : story * 5 + 5] or towns,
            people[story * 10 : story * 10 + 10] or people,
            not polarity,
            modality,
        )
        claim = Claim(
            id=claim_id(aid, start, i),
            article=ArticleRef(id=aid, path=f"bench/{art}.txt", published=published),
            span=span,
            text=text,
            sentence=span,
            speaker=Speaker(name=name, kind=skind),  # type: ignore[arg-type]
            kind=kind,  # type: ignore[arg-type]
            hedge=rng.choice([None, None, None, "reportedly", "may", "unlikely"]),
            time=rng.choice([None, None, None, published[:7]]),
            proposition=prop,
            events=claim_events,
        )
        lines.append(claim.model_dump_json())
    return lines


def run(store: Path, jobs: int | None = None) -> tuple[float, float, int]:
    """Time one `claimtrack contradictions` over ``store``, its output going to a file."""
    out = store.with_suffix(".out.jsonl")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    command = [sys.executable, "-m", "claimtrack", "contradictions", "--store", str(store), "--format", "jsonl"]
    with out.open("w") as fh:
        t0 = time.perf_counter()
        proc = subprocess.run(
            command + (["--jobs", str(jobs)] if jobs else []),
            stdout=fh,
            stderr=subprocess.PIPE,
            text=True,
        )
        elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with out.open() as fh:
        found = sum(1 for _ in fh)
    out.unlink()
    return elapsed, max(peak_kib, before) / 1024, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 200_000])
    ap.add_argument("--keep", type=Path, help="write the stores here and keep them")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size (the fastest and the median are printed)")
    ap.add_argument("--jobs", type=int, help="processes for the command (default: the machine's cores)")
    args = ap.parse_args()
    root = args.keep or Path(tempfile.mkdtemp())
    root.mkdir(parents=True, exist_ok=True)
    results = {}
    for n in sorted(args.sizes):
        store = root / f"claims-{n}.jsonl"
        if not store.exists():
            store.write_text("\n".join(generate(n)) + "\n", encoding="utf-8")
        runs = [run(store, args.jobs) for _ in range(max(1, args.repeat))]
        times = sorted(r[0] for r in runs)
        elapsed, median = times[0], statistics.median(times)
        peak_mb, found = max(r[1] for r in runs), runs[0][2]
        assert all(r[2] == found for r in runs), "runs over the same store found different records"
        results[n] = elapsed
        print(
            f"{n:>7,} claims ({store.stat().st_size / 1e6:,.0f} MB): {elapsed:5.2f} s fastest, {median:5.2f} s median "
            f"of {len(runs)}, peak {peak_mb:,.0f} MB (largest child so far), {found:,} contradiction records"
        )
    if 100_000 in results and 200_000 in results:
        print(f"200k / 100k time ratio (fastest runs): {results[200_000] / results[100_000]:.2f}")


if __name__ == "__main__":
    main()
