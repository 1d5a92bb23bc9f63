"""Speaker resolution: who a source is, on sentences written for these tests (not from the seeds)."""

from __future__ import annotations

import json

import pytest

from claimtrack.ingest import Source, _jsonl_sources, extract
from claimtrack.pipeline.speakers import SpeakerResolver

from .test_records import claims_of, one


def _resolve(nlp, text: str, source: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(source)
    span = doc.char_span(start, start + len(source))
    assert span is not None
    return SpeakerResolver(doc).resolve(span, span.start)


def test_a_title_alone_is_the_person_named_with_it_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Foreign Minister Grace Okafor arrived in Accra on Monday for the trade summit.\n\n"
        "The minister said the tariffs would be lifted next year."
    )
    c = one(claims_of(nlp, text), "tariffs")
    assert c.speaker.name == "Grace Okafor" and c.speaker.kind == "person"
    assert c.speaker.mention is not None and c.speaker.mention.text == "The minister"


def test_a_surname_is_the_full_name_given_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Henrik Solberg, a fisheries inspector, visited the harbour. Solberg said the quotas were too high."
    c = one(claims_of(nlp, text), "quotas")
    assert c.speaker.name == "Henrik Solberg" and c.speaker.mention.text == "Solberg"


def test_a_pronoun_with_no_antecedent_is_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "He said the bridge would reopen in May."), "bridge")
    assert (c.speaker.name, c.speaker.kind) == ("unresolved", "unresolved")
    assert c.speaker.mention is not None and c.speaker.mention.text == "He"


def test_a_pronoun_takes_the_person_just_quoted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Amara Diallo, the mayor, said the market would close. She said traders would be compensated."
    c = one(claims_of(nlp, text), "compensated")
    assert c.speaker.name == "Amara Diallo" and c.speaker.mention.text == "She"


def test_first_person_takes_the_speaker_named_around_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tomas Berg, the chief engineer, said the spillway had been opened overnight.\n"
        "We expect the level of the reservoir to fall by the weekend."
    )
    c = one(claims_of(nlp, text), "level of the reservoir")
    assert c.speaker.name == "Tomas Berg" and c.speaker.mention.text == "We"


def test_first_person_with_nobody_named_is_unresolved(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "I think the harvest will be late this year."), "harvest")
    assert c.speaker.name == "unresolved" and c.speaker.mention.text == "I"


def test_dates_numbers_and_abstract_nouns_are_no_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _resolve(nlp, "Tuesday brought more rain to the valley.", "Tuesday")["kind"] == "unresolved"
    assert _resolve(nlp, "The damage suggests the levee failed.", "The damage")["kind"] == "unresolved"
    assert _resolve(nlp, "Violence shows that the truce is over.", "Violence")["kind"] == "unresolved"


def test_groups_and_anonymous_sources_are_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    residents = _resolve(nlp, "Residents said the water was brown.", "Residents")
    assert (residents["name"], residents["kind"]) == ("Residents", "anonymous")
    activists = _resolve(nlp, "Farm activists said the dam was unsafe.", "Farm activists")
    assert activists["kind"] != "unresolved"


def test_a_document_stands_for_its_owner_or_speaks_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    owned = _resolve(nlp, "A statement from the Lisbon port authority said the strike had ended.", "A statement")
    assert owned["kind"] != "unresolved" and "authority" in owned["name"].lower()
    bare = _resolve(nlp, "The statement said the strike had ended.", "The statement")
    assert (bare["name"], bare["kind"]) == ("statement", "anonymous")
    plural = _resolve(nlp, "Reports say the strike has ended.", "Reports")
    assert (plural["name"], plural["kind"]) == ("Reports", "anonymous")
    evidence = _resolve(nlp, "The evidence suggests the strike has ended.", "The evidence")
    assert evidence["kind"] == "unresolved"  # evidence is no work that speaks


def test_a_work_is_known_by_how_it_was_introduced_or_who_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A 1998 harbour law banned night fishing. Critics mocked it. The law said boats must dock by dusk."
    c = one(claims_of(nlp, text), "boats")
    assert c.speaker.name == "1998 harbour law" and c.speaker.mention.text == "The law"
    text = "The Lisbon port authority issued a statement on Monday. The statement said the strike had ended."
    c = one(claims_of(nlp, text), "strike")
    assert "authority" in c.speaker.name.lower() and c.speaker.mention.text == "The statement"


def test_a_poll_of_people_is_not_those_people(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "A poll of 2,000 voters suggests that most of them favour the new bridge."), "bridge")
    assert "poll" in c.speaker.name and c.speaker.kind == "anonymous"


def test_the_cue_is_not_part_of_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The ferry will resume on Friday, according to harbour officials."
    c = one(claims_of(nlp, text), "ferry")
    assert c.speaker.name.lower() == "harbour officials"


def test_an_article_with_no_author_has_its_own_claims_said_by_its_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The council approved the new budget on Tuesday after a long debate."
    claims = claims_of(nlp, text, outlet="Valley Courier")
    c = one(claims, "budget")
    assert (c.speaker.name, c.speaker.kind) == ("Valley Courier", "outlet")
    bylined = one(claims_of(nlp, text, outlet="Valley Courier", author="Ines Moreau"), "budget")
    assert (bylined.speaker.name, bylined.speaker.kind) == ("Ines Moreau", "author")


def test_feed_items_keep_their_id_and_url(tmp_path, nlp) -> None:  # type: ignore[no-untyped-def]
    feed = tmp_path / "feed.jsonl"
    row = {"id": "wire/0042", "url": "https://example.org/a", "source": "Wire", "text": "The port reopened today."}
    feed.write_text(json.dumps(row) + "\n", encoding="utf-8")
    sources = [
        s for s in _jsonl_sources(str(feed), feed.read_text(encoding="utf-8"), [], options={}) if isinstance(s, Source)
    ]
    article, _ = extract(sources[0], nlp)
    assert (article.feed_id, article.url, article.outlet) == ("wire/0042", "https://example.org/a", "Wire")


@pytest.mark.parametrize("label", ["HALVORSEN", "HALVORSEN (via phone)"])  # how the speaker is heard, in brackets
def test_in_a_transcript_the_turn_says_what_is_not_cited(nlp, label: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        "PRICE: The square was full of people again tonight.\n"
        f"{label}: I think the army will not fire on the crowd.\n"
        "PRICE: Thank you for joining us from the square."
    )
    claims = claims_of(nlp, text, outlet="Radio North")
    assert one(claims, "full of people").speaker.name == "Price"
    army = one(claims, "army will not fire")
    assert army.speaker.name == "Halvorsen" and army.speaker.kind == "person"


@pytest.mark.parametrize("label", ["UPDATE", "NEW"])
def test_prose_with_one_colon_label_is_no_transcript(nlp, label: str) -> None:  # type: ignore[no-untyped-def]
    text = f"{label}: The road reopened at noon after the flood receded."
    c = one(claims_of(nlp, text, outlet="Radio North"), "road reopened")
    assert (c.speaker.name, c.speaker.kind) == ("Radio North", "outlet")


def test_a_name_the_tagger_split_stays_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "The talks will resume next week, Downing Street has indicated."), "talks")
    assert c.speaker.name == "Downing Street"


# --------------------------------------------------------------------------- sources the attribution left out


def test_a_participle_cue_takes_the_subject_of_its_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Farmers blocked the ring road on Monday, waving flags and calling on the governor to resign."
    c = one(claims_of(nlp, text, outlet="Daily Ledger"), "governor")
    assert c.speaker.name == "Farmers" and c.speaker.kind == "anonymous"


def test_a_conjoined_cue_shares_the_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Nurses marched through the old town and called on the board to hire more staff."
    c = one(claims_of(nlp, text, outlet="Daily Ledger"), "hire more staff")
    assert c.speaker.name == "Nurses"


def test_an_impersonal_passive_is_unresolved_not_the_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "It is said that the copper mine will close next year.", outlet="Daily Ledger"), "mine")
    assert c.speaker.kind == "unresolved"


def test_an_intention_no_one_holds_is_no_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, "The archive was looted by those who wanted to sell the old maps abroad.")
    assert not [c for c in claims if "sell the old maps" in c.text and c.cue is not None]


# --------------------------------------------------------------------------- coreference


def test_she_skips_the_man_named_last(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ms Ana Ruiz met Pedro Alves in Lisbon on Monday. She said the talks had gone well."
    c = one(claims_of(nlp, text), "talks")
    assert c.speaker.name == "Ana Ruiz" and c.speaker.mention.text == "She"


def test_he_prefers_the_subject_of_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Organisers like Jonas Weber had planned the march that finally forced out Mayor Karl Brandt.\n\n"
        "He told reporters that the next march would be bigger."
    )
    c = one(claims_of(nlp, text), "next march")
    assert c.speaker.name == "Jonas Weber"


def test_a_definite_noun_takes_up_the_organisation_named_with_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harbour Workers Alliance met in Gdansk on Friday. The alliance said the strike would go ahead."
    c = one(claims_of(nlp, text), "strike")
    assert c.speaker.name == "Harbour Workers Alliance" and c.speaker.mention.text == "The alliance"


def test_the_report_is_the_report_named_earlier(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kestrel report on rail fares was published on Monday.\n\n"
        "The report said that fares would rise by a fifth next year."
    )
    c = one(claims_of(nlp, text), "fares would rise")
    assert c.speaker.name == "Kestrel"


def test_a_person_from_an_organisation_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The harvest is poor," Marta Lind from the Northern Growers Association told the radio station.'
    c = one(claims_of(nlp, text), "harvest")
    assert c.speaker.name == "Marta Lind" and c.speaker.kind == "person"


def test_a_title_then_a_name_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Exports fell in March, according to Central Bank deputy governor Lena Frost."
    c = one(claims_of(nlp, text), "Exports fell")
    assert c.speaker.name == "Lena Frost" and "according" not in c.text


def test_only_someone_can_be_a_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _resolve(nlp, "The world expects answers from the council.", "The world")["kind"] == "unresolved"
    crowd = _resolve(nlp, "The crowd said the vote had been stolen.", "The crowd")
    assert (crowd["name"], crowd["kind"]) == ("crowd", "anonymous")


def test_first_person_outside_quotation_is_not_a_crowd_nearby(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Everyone says the new ferry is too slow. I think the ferry will be replaced within a year."
    c = one(claims_of(nlp, text), "replaced")
    assert c.speaker.kind == "unresolved" and c.speaker.mention.text == "I"


def _speaker(nlp, text: str, needle: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, text), needle)
    return c.speaker.name, c.speaker.kind


def test_an_organisation_keeps_its_whole_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two clinics closed in the north, according to the Kenyan Society for Rural Medicine."
    assert _speaker(nlp, text, "clinics") == ("Kenyan Society for Rural Medicine", "organization")
    text = "The tariffs will stay until June, the Canadian Trade Commissioner's Office said."
    assert _speaker(nlp, text, "tariffs") == ("Canadian Trade Commissioner's Office", "organization")


def test_a_title_abbreviated_with_a_stop_keeps_the_name_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "About 400 people marched in the capital, according to army spokesman Lt. Col. Pedro Alves Moura."
    assert _speaker(nlp, text, "marched") == ("Pedro Alves Moura", "person")


def test_a_name_the_parse_cut_in_two_is_one_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "After the vote, regional governor Tomas Eduardo Brandt told local radio that the dam would be finished."
    assert _speaker(nlp, text, "dam") == ("Tomas Eduardo Brandt", "person")


def test_a_title_conjoined_with_the_name_is_that_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"Orders rose again," Acme founder and chief executive Lena Marsh said.'
    assert _speaker(nlp, text, "Orders") == ("Lena Marsh", "person")


def test_a_counted_group_is_the_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "More than half of the nurses think the ward is understaffed."
    assert _speaker(nlp, text, "ward") == ("More than half of the nurses", "anonymous")
    text = "After the floods, many feared the harvest was lost."
    assert _speaker(nlp, text, "harvest") == ("many", "anonymous")


def test_people_named_together_are_both_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "President Omar Haddad addressed the nation on Monday, and Vice President Lina Saleh spoke after him. "
        "Haddad and Saleh both pledged to rebuild the bridge."
    )
    assert _speaker(nlp, text, "rebuild") == ("Omar Haddad and Lina Saleh", "person")


def test_an_outlet_named_in_apposition_is_that_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Nordic Press Agency reported the talks on Monday.\n\n"
        "The talks will resume on Friday, according to the state news agency, Tidningen."
    )
    assert _speaker(nlp, text, "resume") == ("Tidningen", "outlet")


def test_a_quotation_over_several_lines_is_said_by_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"We lost everything in one night," Maria Solis said.\n"The water came through the door.\n'
        'Our neighbours carried the children out.\nWithout them we would have drowned."\nThe river fell on Friday.'
    )
    claims = claims_of(nlp, text)
    for needle in ("water came", "neighbours carried", "would have drowned"):
        assert one(claims, needle).speaker.name == "Maria Solis"
    assert one(claims, "river fell").speaker.kind == "outlet" or one(claims, "river fell").cue is None


def test_an_uncited_quotation_is_not_the_authors_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We expect the vote to be close and the count to take days." The polls open at eight in the morning.'
    claims = claims_of(nlp, text)
    assert not [c for c in claims if "count to take days" in c.text and c.cue is None]
    assert one(claims, "polls open").cue is None


def test_a_cue_that_is_the_event_itself_is_no_attribution(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "On Monday the stolen lorry was found in a car park near the port. The company found itself in debt."
    claims = claims_of(nlp, text)
    assert one(claims, "lorry").cue is None
    assert one(claims, "in debt").cue is None
    text = "Okafor describes himself as a reluctant politician."
    assert one(claims_of(nlp, text), "reluctant").cue is not None


def test_a_name_the_tokenizer_read_as_an_abbreviation_loses_the_stop(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"March was a good month," said survey chairman Paul Ore.\n\nThe index rose.'
    assert _speaker(nlp, text, "good month")[0] == "Paul Ore"


def test_she_after_a_paragraph_break_is_the_woman_quoted_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'The Shadow Minister for Transport, Helen Marsh, said: "These fares were set by Paul Grant in May and '
        'Tom Reyes is now raising them again."\n\nShe said the party would publish its plan in June.'
    )
    c = one(claims_of(nlp, text), "publish its plan")
    assert c.speaker.name == "Helen Marsh" and c.speaker.mention.text == "She"


def test_a_gendered_title_further_before_the_name_gives_its_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Party spokeswoman for health Carla Nunes said: "The wards need more nurses." '
        "Mr Tom Reyes disagreed. She said the budget would rise."
    )
    assert one(claims_of(nlp, text), "budget would rise").speaker.name == "Carla Nunes"


def test_a_conjoined_cue_takes_the_noun_right_before_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The port is struggling with a growing backlog and economists said the cheapest fix was more cranes. "
        "They have predicted that the queue will grow further."
    )
    claims = claims_of(nlp, text)
    assert _speaker(nlp, text, "cheapest fix") == ("economists", "anonymous")
    assert one(claims, "queue will grow").speaker.name == "economists"


def test_an_unnamed_role_keeps_whom_it_speaks_for(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A spokesman for Foreign Minister Ines Duarte said the embassy would reopen in March."
    assert _speaker(nlp, text, "reopen") == ("spokesman for Foreign Minister Ines Duarte", "anonymous")
    text = "The embassy will reopen in March, a spokeswoman for Prime Minister Ines Duarte said."
    assert _speaker(nlp, text, "reopen") == ("spokeswoman for Prime Minister Ines Duarte", "anonymous")


def test_the_role_is_the_unnamed_one_introduced_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A Porto club spokesman said on Monday that the striker had stayed at home. "
        '"His knee is still swollen," the spokesman said.'
    )
    assert _speaker(nlp, text, "knee") == ("Porto club spokesman", "anonymous")


def test_an_unowned_document_is_anonymous_as_described(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rents will rise again next year, according to a new parliamentary report."
    assert _speaker(nlp, text, "Rents") == ("new parliamentary report", "anonymous")
    c = one(claims_of(nlp, "Rents will rise again next year, the report said."), "Rents")
    assert (c.speaker.name, c.speaker.kind) == ("report", "anonymous")


def test_a_participle_after_a_comma_speaks_for_the_clause_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In her speech, Governor Ana Ruiz appealed to the voters, saying that the dam would be finished by May."
    assert _speaker(nlp, text, "dam") == ("Ana Ruiz", "person")


def test_a_date_after_the_cue_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "The embassy will reopen in March, the foreign ministry said Sunday."), "reopen")
    assert c.speaker.name != "Sunday" and c.speaker.mention.text != "Sunday"


def test_a_live_blogs_country_sections_are_no_transcript_turns(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "PERU, 9 a.m. ET: Lima's mayor said the roads would reopen on Friday.\n"
        "CHILE, 10 a.m. ET: Rescue teams reached the village overnight.\n"
        "PERU, noon ET: The river was still rising in the south."
    )
    claims = claims_of(nlp, text, outlet="Radio North")
    assert all(c.speaker.name not in ("Peru", "Chile") for c in claims)


def test_an_outlet_taking_a_turn_is_the_outlet(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "CNN: The square was full of people again tonight.\n"
        "HALVORSEN: I think the army will not fire on the crowd.\n"
        "CNN: Thank you for joining us from the square."
    )
    c = one(claims_of(nlp, text, outlet="Radio North"), "full of people")
    assert (c.speaker.name, c.speaker.kind) == ("CNN", "outlet")


def test_a_role_with_no_name_is_an_anonymous_source(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, "A doctor at the clinic said three children had died.", "children") == (
        "doctor at the clinic",
        "anonymous",
    )


def test_a_weekday_after_a_name_is_not_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, "Governor Okafor Tuesday said the bridge would reopen.", "bridge")[0] == "Okafor"


def test_a_name_ending_in_a_month_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, "Senator Grace April Tuesday said the law would change.", "law")[0] == "Grace April"


def test_a_named_person_with_a_role_of_an_organisation_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The bridge is safe," said Lt. Gen. Rosa Ibanez, commander of the engineering corps.'
    assert _speaker(nlp, text, "bridge is safe") == ("Rosa Ibanez", "person")


def test_a_title_inside_a_person_entity_is_not_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Peruvian President Hugo Salinas spoke on Monday. Salinas proposed sending a committee to the border."
    assert _speaker(nlp, text, "committee")[0] == "Hugo Salinas"


def test_a_name_then_its_title_after_a_comma_is_the_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Marta Kowalczyk, senior analyst at Baltic Grain Partners, said wheat prices would ease by spring."
    c = one(claims_of(nlp, text), "wheat prices")
    assert c.speaker.kind == "person" and c.speaker.name in ("Marta Kowalczyk", "Kowalczyk")


def test_a_word_modifying_a_title_stands_for_the_titled_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"The new rail line will open in June," said Transport minister Ilse Vermeer at the launch.'
    c = one(claims_of(nlp, text), "rail line")
    assert (c.speaker.name, c.speaker.kind) == ("Ilse Vermeer", "person")


def test_where_an_organisation_is_based_is_not_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'In a statement, Oslo-based Nordfjord Shipping added, "the fleet will be renewed within five years."'
    c = one(claims_of(nlp, text), "fleet")
    assert c.speaker.name == "Nordfjord Shipping"


def test_a_described_organisation_keeps_its_name_before_where_it_is_based(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rents will rise again, according to the Harbour Housing Trust, a Leeds-based charity that tracks rents."
    c = one(claims_of(nlp, text), "Rents")
    assert c.speaker.name == "Harbour Housing Trust"


def test_a_country_before_a_surname_in_a_headline_is_no_first_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Chile Arancibia defiant as strikes spread\n"
        "Miners stopped work across Chile on Monday. Arancibia said the mines would stay open."
    )
    assert one(claims_of(nlp, text), "mines would").speaker.name == "Arancibia"
    # a first name that is also a country's name stays, where the article names no such place
    named = claims_of(nlp, "Jordan Henderson had a fine game. Henderson said the team was ready.")
    assert one(named, "team was ready").speaker.name == "Jordan Henderson"


@pytest.mark.parametrize(
    ("text", "needle", "speaker"),
    [
        # an expletive "there" names no one: the outlet says it
        ("There is no doubt that the harbour will need dredging before the storms.", "harbour", "Coast Gazette"),
        # a name joined by "of" is the whole organisation
        ("In March, the Council of Nine said it would cut fishing quotas by a third.", "quotas", "Council of Nine"),
        # a common noun described by where it is based speaks as written
        ("The Bergen-based shipyard said it would hire 300 welders.", "welders", "Bergen-based shipyard"),
        # the noun an organisation was introduced with stands for it later
        (
            "Shipping firm Nordkapp Lines cut three routes last year. The change affects ferries to Tromso.\n"
            "The firm says fares will rise by a fifth in spring.",
            "fares",
            "Nordkapp Lines",
        ),
        # a common noun with a name right after it is that name, even one the tagger reads as a number
        ('"The budget is far too optimistic," consultancy 7Point said in a note.', "budget", "7Point"),
    ],
)
def test_who_is_named_as_the_speaker(nlp, text: str, needle: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    assert one(claims_of(nlp, text, outlet="Coast Gazette"), needle).speaker.name == speaker


def test_a_hyphenated_name_is_not_cut_at_the_hyphen(nlp) -> None:  # type: ignore[no-untyped-def]
    c = _resolve(nlp, "Deputy Mayor Park Ji-won said the bridge would reopen in May.", "Deputy Mayor Park Ji-won")
    assert c is not None and c["name"] == "Park Ji-won"


def test_a_described_noun_with_its_country_is_someone(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, "The Danish watchdog said banks must hold more capital from June."), "capital")
    assert c.speaker.name != "unresolved" and "watchdog" in c.speaker.name


def test_it_after_an_organisation_says_is_that_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Halvorsen Mining reported a loss. The company also said it now believed the mine would close by 2030."
    c = one(claims_of(nlp, text), "mine would close")
    assert c.speaker.name in ("Halvorsen Mining", "company") and c.speaker.kind == "organization"
    # "it emerged that" still names no one
    c = one(claims_of(nlp, "It emerged that the mine would close by 2030.", outlet="Gazette"), "mine would close")
    assert c.speaker.name != "Halvorsen Mining"


def test_a_name_written_with_digits_is_a_name(parse) -> None:  # type: ignore[no-untyped-def]
    # the tagger reads "7Point" as a number
    doc = parse("consultancy/NOUN/compound/1 7Point/NUM/nsubj/2 said/VERB/ROOT/2/say ./PUNCT/punct/2")
    found = SpeakerResolver(doc).resolve(doc[1:2], 1)
    assert found is not None and (found["name"], found["kind"]) == ("7Point", "organization")
    doc = parse("1990s/NUM/nsubj/1 saw/VERB/ROOT/1/see ./PUNCT/punct/1")
    assert SpeakerResolver(doc).resolve(doc[0:1], 0)["kind"] == "unresolved"  # type: ignore[index]


def test_reports_in_a_paper_are_the_paper_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Reports in the Harbour Times newspaper said the ferry would be sold."
    c = _resolve(nlp, text, "Reports in the Harbour Times newspaper")
    assert c is not None and c["kind"] == "outlet" and c["name"].startswith("Harbour Times")


def test_a_hyphenated_word_inside_an_organisation_s_name_stays(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Coalition of Non-partisan Observers said the count was fair."
    c = _resolve(nlp, text, "The Coalition of Non-partisan Observers")
    assert c is not None and c["name"] == "Coalition of Non-partisan Observers"


def test_he_takes_up_an_unnamed_spokesman_just_quoted(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tomas Brandt, the mayor, opened the bridge on Monday. "
        "A council spokesman criticised the contractor, saying the work had run late. "
        'He said: "The city will not pay for the delay."'
    )
    c = one(claims_of(nlp, text), "pay for the delay")
    assert c.speaker.kind == "anonymous" and c.speaker.name == "council spokesman"
    assert c.speaker.mention.text == "He"


def test_a_study_commissioned_by_someone_speaks_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "An investigation commissioned by the port authority found that the cranes had not been inspected."
    c = one(claims_of(nlp, text), "cranes")
    assert c.speaker.kind == "anonymous"
    assert c.speaker.name == "investigation commissioned by the port authority"


def test_speeches_made_by_an_organisation_speak_as_written(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "In recent months, speeches made by Ofwat hinted that prices might rise."
    found = _resolve(nlp, text, "speeches made by Ofwat")
    assert found is not None and (found["name"], found["kind"]) == ("speeches made by Ofwat", "anonymous")


@pytest.mark.parametrize(
    ("text", "needle", "name"),
    [
        ("Bassist Karen Holt said the tour would start in March.", "tour", "Karen Holt"),
        ("Fisheries Commissioner Ivo Maric said that the quotas were a matter for next week.", "quotas", "Ivo Maric"),
        ("Foreign Secretary Robin Cook said the talks had failed.", "talks", "Robin Cook"),
    ],
)
def test_a_word_for_a_person_before_two_names_is_a_title(nlp, text: str, needle: str, name: str) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, text), needle)
    assert c.speaker.name == name and c.speaker.kind == "person"


def test_a_participle_speaks_for_the_subject_of_a_passive_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The strikers were held by the police for an hour, shouting that the mine owners had lied to them."
    c = one(claims_of(nlp, text), "mine owners")
    assert c.speaker.name.lower() == "strikers" and c.speaker.kind == "anonymous"


def test_a_paper_named_with_its_medium_is_known_by_its_name(nlp) -> None:  # type: ignore[no-untyped-def]
    c = one(
        claims_of(nlp, "The mayor had been interim director of the port, The Harbour Gazette newspaper reported."),
        "mayor",
    )
    assert (c.speaker.name, c.speaker.kind) == ("Harbour Gazette", "outlet")


@pytest.mark.parametrize(
    ("text", "needle", "name", "mention"),
    [
        # a name inside a quotation is no antecedent for a pronoun outside it
        (
            "Karim Haddad, a lawyer in Algiers, said he is sceptical. "
            '"They want a trick that shows reform, like what Omar Nasser is doing in Egypt," he said.',
            "trick",
            "Karim Haddad",
            "he",
        ),
        # the words of a title before a name are no person
        (
            "Ex-Transport Secretary Helen Marsh has given fresh hints that the vote will be held on Monday.\n\n"
            'She told Radio North: "I am in my constituency getting ready for an announcement."',
            "constituency",
            "Helen Marsh",
            "She",
        ),
        # a hyphenated surname the entity recogniser stopped at stays whole
        (
            "Winger Tomas Okoro-Lind scored twice for the club on Saturday. He said the team had played well.",
            "played well",
            "Tomas Okoro-Lind",
            "He",
        ),
        # a surname alone is the name given before, without its title
        (
            "Drummer Paul Rudd joined the band on stage in Leeds on Friday.\n\n"
            '"The show went so well that we decided to look at a tour together," Rudd wrote on his website.',
            "show went so well",
            "Paul Rudd",
            "Rudd",
        ),
    ],
)
def test_who_a_pronoun_or_a_surname_stands_for(nlp, text: str, needle: str, name: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, text), needle)
    assert c.speaker.name == name and c.speaker.mention.text == mention


def test_an_article_s_own_claims_are_its_bylined_author_s(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "By Nadia Farouk, Special to Radio North\n\nThe youth groups had organised campaigns for months."
    claims = claims_of(nlp, text, outlet="Radio North")
    c = one(claims, "youth groups")
    assert (c.speaker.name, c.speaker.kind) == ("Nadia Farouk", "author")
    assert not any("By Nadia" in x.text for x in claims)  # the byline itself is no claim


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hydro has cut its output again. The company said the cut was small.", "Hydro"),
        ("Vestland Energy Group has cut its output. The company said the cut was small.", "Vestland Energy Group"),
        ("Karin Holm has left the board. The company said her post would be filled.", "company"),
    ],
)
def test_the_company_is_the_organisation_last_named_as_a_subject(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    c = one(claims_of(nlp, text), "would be filled" if "post" in text else "cut was small")
    assert (c.speaker.name, c.speaker.kind) == (name, "organization")


def test_i_in_the_writers_own_prose_is_the_bylined_writer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "By Nadia Farouk, Special to Radio North\n\n"
        "The youth of the city have changed it. I think the army will not turn on them. "
        '"We will stay," said Ali Hassan, a student.'
    )
    claims = claims_of(nlp, text, outlet="Radio North")
    assert (one(claims, "army will not").speaker.name, one(claims, "army will not").speaker.kind) == (
        "Nadia Farouk",
        "author",
    )
    assert one(claims, "We will stay").speaker.name == "Ali Hassan"
    bare = one(claims_of(nlp, "The city has changed. I think the army will not turn on them."), "army will not")
    assert bare.speaker.kind == "unresolved"  # no byline: nobody to give "I" to


def test_a_party_and_state_after_a_name_is_no_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rep. Dale Morrow, R-Ohio, said that the aid had been wasted. "
        '"Where do you think the money went? To a bank account," he said.'
    )
    assert one(claims_of(nlp, text), "bank account").speaker.name == "Dale Morrow"


@pytest.mark.parametrize(
    ("text", "needle", "tail"),
    [
        (
            "Radio North said a group of the strikers, called the Harbour Committee, will leave the docks"
            " and form a party.",
            "Harbour Committee",
            "form a party",
        ),
        (
            'The mayor stressed that a "broad coalition of residents and traders" should be part of the plan.',
            "broad coalition",
            "part of the plan",
        ),
    ],
)
def test_a_content_cut_short_inside_its_clause_takes_the_rest(nlp, text: str, needle: str, tail: str) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(nlp, text)
    c = one(claims, needle)
    assert c.cue is not None and c.text.endswith(tail)
    assert not any(x.cue is None and tail in x.text for x in claims)  # no writer's claim of the rest


@pytest.mark.parametrize(
    ("text", "source", "name", "kind", "mention"),
    [
        # organisations named together speak together
        (
            "Paramount, Universal and Warner Brothers said they would cut prices.",
            "Paramount, Universal and Warner Brothers",
            "Paramount, Universal and Warner Brothers",
            "organization",
            "Paramount, Universal and Warner Brothers",
        ),
        # a name the parse cut from its title is the speaker, and the mention takes it in
        (
            "Nadia Farouk, general secretary of the dockers' union, said the strike would go ahead.",
            "general secretary",
            "Nadia Farouk",
            "person",
            "Nadia Farouk",
        ),
    ],
)
def test_who_a_source_phrase_is(nlp, text: str, source: str, name: str, kind: str, mention: str) -> None:  # type: ignore[no-untyped-def]
    found = _resolve(nlp, text, source)
    assert found is not None and (found["name"], found["kind"]) == (name, kind)
    assert found["mention"].text.startswith(mention)


def test_it_with_a_verb_of_saying_takes_up_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harbour Trust said profits were up. However, it said that the ferry may close."
    assert _speaker(nlp, text, "ferry") == ("Harbour Trust", "organization")
    # "it emerged that", "it suggests that": no one named
    text = "The Harbour Trust met on Monday. It emerged that the ferry may close."
    assert _speaker(nlp, text, "ferry")[1] != "organization"


def test_he_takes_up_an_unnamed_spokesman_two_sentences_back(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mr Ortiz said he had opposed the merger. A union spokesman said there were forty members in the group. "
        "They came from every depot. He argued that it was their right to strike."
    )
    assert _speaker(nlp, text, "their right") == ("union spokesman", "anonymous")


def test_a_name_inside_a_quotation_is_no_antecedent_even_as_the_last_resort(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The club's spokesman said the match was off. \"We all want Tomas to get well. "
        'We will play as soon as we can," he said.'
    )
    assert _speaker(nlp, text, "as soon as")[0] != "Tomas"


def test_a_commentary_note_names_its_writer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The reform will not save the party.\n\nVoters have seen this before.\n\n"
        "The opinions expressed in this commentary are solely those of Maria Ostrova."
    )
    article, claims = extract(Source(label="t", text=text, meta={"outlet": "CNN"}), nlp)
    assert article.author == "Maria Ostrova"
    assert {c.speaker.name for c in claims} == {"Maria Ostrova"}
    assert not any("opinions expressed" in c.text for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry stopped for the travellers who want to reach the island.",
        "The agency pays the fare of any traveller wishing to go home.",
        "Ms Ruiz may wish to stand for mayor, or she may not.",
    ],
)
def test_a_wish_that_describes_someone_or_is_only_possible_is_no_claim(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    cues = [c.cue.text.split()[-1] for c in claims_of(nlp, text) if c.cue is not None]
    assert not {"want", "wishing", "wish"} & set(cues)


def test_a_wish_in_a_clause_of_its_own_is_a_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    (c,) = [c for c in claims_of(nlp, "The travellers want to reach the island by noon.") if c.cue is not None]
    assert c.cue.text == "want" and c.speaker.name == "travellers"


def test_how_things_look_is_the_writers_whole_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Harbour master Ines Sousa appears to have kept the port open through the storm."
    (c,) = claims_of(nlp, text)
    assert c.speaker.kind == "author" and c.text.startswith("Harbour master Ines Sousa appears")


def test_an_organisation_keeps_the_words_of_its_name_that_are_also_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'In May, the Estonian Foreign Ministry responded: "The report is false."'
    assert _speaker(nlp, text, "false") == ("Estonian Foreign Ministry", "organization")
    text = "Foreign Minister Grace Okafor said the talks would resume."
    assert _speaker(nlp, text, "talks") == ("Grace Okafor", "person")


def test_a_surname_takes_up_a_speaker_the_recognizer_missed(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Saad Eddin Ibrahim, an Egyptian activist, called the protests a revolution. "It is spring," said Ibrahim.'
    assert _speaker(nlp, text, "spring") == ("Saad Eddin Ibrahim", "person")


def test_a_closed_compound_for_a_doer_is_a_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Harbour policymakers concluded that there were no other options."
    assert _speaker(nlp, text, "options") == ("Harbour policymakers", "anonymous")


def test_a_gendered_noun_set_before_a_name_gives_its_gender(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"The ferry was late," Ines said. Her brother, Tomas, filmed the crowd on the pier. '
        '"The crew never explained the delay," she said.'
    )
    assert _speaker(nlp, text, "crew")[0] == "Ines"


def test_a_word_in_s_before_a_colon_and_a_quotation_is_its_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The dam was built in 1950. However, Ruiz cautions: “The dam will fail soon.”"
    c = one(claims_of(nlp, text), "fail soon")
    assert c.speaker.name == "Ruiz" and c.cue is not None and c.cue.text.startswith("cautions")


def test_a_quotation_reopened_after_a_lost_paragraph_break_continues_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Ortiz praised the crew. "It was a fine rescue," said the harbour master.\n\n'
        '"We trained for this all winter. "The storm was worse than any we have had. Nobody panicked."'
    )
    c = one(claims_of(nlp, text), "storm was worse")
    assert c.speaker.name == "harbour master"


def test_a_hope_of_an_organisation_in_a_relative_clause_is_its_claim(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The company, which hopes to keep its place in the market, said the new model would ship in May."
    assert any(c.cue is not None and c.cue.text.endswith("hopes") for c in claims_of(nlp, text))


def test_the_paper_is_the_outlet_named_last(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Harbour Gazette reported the mine had closed. The paper said the owners had fled."
    assert _speaker(nlp, text, "owners") == ("The Harbour Gazette", "outlet")
    text = "Colbert had been the port's director, The Lisbon Dispatch newspaper reported."
    assert _speaker(nlp, text, "director") == ("Lisbon Dispatch", "outlet")


def test_a_name_a_copula_or_apposition_calls_a_person_is_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Leslie Jump runs the fund. Our lead investor is Naguib Sawiris, the richest man in Egypt. "
        "He said investment is key to the country's recovery."
    )
    assert _speaker(nlp, text, "investment") == ("Naguib Sawiris", "person")


def test_a_rank_of_several_words_is_no_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Sgt. 1st Class Mario Duarte watched the gate. "It was quiet all night," he said.'
    assert _speaker(nlp, text, "quiet all night") == ("Mario Duarte", "person")


def test_it_takes_up_a_work_that_was_the_subject_just_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The port authority said trade grew. A new study found that ferries were late. It said that fares would rise."
    )
    assert _speaker(nlp, text, "fares") == ("new study", "anonymous")


def test_a_name_ending_in_the_word_after_its_hyphen_is_whole(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "U.N. Secretary General Ban Ki-moon has urged the leaders to listen to their people."
    assert _speaker(nlp, text, "listen") == ("Ban Ki-moon", "person")


@pytest.mark.parametrize(
    ("text", "needle", "expected"),
    [
        (
            "Fares fell after a port authority report that showed ferry use was rising.",
            "ferry use",
            ("port authority report", "anonymous"),
        ),
        ("There are those who believe that closing the pier is a bad idea.", "pier", ("those", "anonymous")),
        (
            "Nearly three out of four skippers said they used the new harbour.",
            "harbour",
            ("Nearly three out of four skippers", "anonymous"),
        ),
        (
            "Ferries ran late. But the Portuguese media criticises the operator for the delays.",
            "delays",
            ("Portuguese media", "outlet"),
        ),
        ("Liberal MEP Ana Gomes said the parliament would reject the plan.", "reject", ("Ana Gomes", "person")),
    ],
)
def test_relatives_counts_media_and_member_titles(nlp, text: str, needle: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert _speaker(nlp, text, needle) == expected


def test_he_prefers_the_person_nearest_the_top_of_the_sentence_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Harbour master Ines Costa was angry. The storm also means Costa, who hopes to hire Tomas Reis from Porto, "
        'will have no pilot for the winter.\n\n"The pier has no chance of opening," she said.'
    )
    assert _speaker(nlp, text, "no chance")[0] == "Ines Costa"


def test_how_things_look_before_a_quotation_is_theirs(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'The crowd grew all day. Residents still seemed in awe: "Wow, people really came together."'
    assert _speaker(nlp, text, "came together") == ("Residents", "anonymous")


def test_a_relative_clause_given_as_source_is_its_pronoun(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Porto play on Sunday. The veteran Costa, who scored twice last week, is confident the title is theirs."
    assert _speaker(nlp, text, "title") == ("Costa", "person")


def test_seeming_to_say_is_saying(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fishermen were angry that the mayor appeared to be saying that the pier would never reopen."
    c = one(claims_of(nlp, text), "never reopen")
    assert c.speaker.name == "mayor" and c.cue is not None and "saying" in c.cue.text


def test_the_owner_of_a_subject_is_not_the_subject_a_pronoun_takes_up(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pedro Alves was hurt on Sunday. Porto boss Rui Costa was angry. Alves's injury also means Costa, who "
        "reportedly wants to sign Tomas Reis from Braga, will not have a left-back for the season.\n\n"
        '"He has no chance of playing against Benfica," he said.'
    )
    assert _speaker(nlp, text, "no chance")[0] == "Rui Costa"
