"""Mistakes in the demo data files are reported with file, line and field, all at once.

Each test writes a small demo network into a temporary folder, spoils it as an editor might,
and reads it with the loader's reader; the last tests run the `moin-forum demo` command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.demo.network import default_folder, read_network
from server.demo.source import DemoDataError
from server.domain import RoarPillar

ORGANISATIONS = """\
# Two organisations.
- slug: green-bank
  name: Green Bank
  type: PUBLIC_BANK
  country: NO
  website: https://green-bank.example
  description: >-
    A public bank: it lends
    for the transition.

- slug: city-lab
  name: City Lab
  type: LOCAL_REGIONAL_GOVERNMENT
"""

MEMBERS = """\
- key: ana
  name: Ana Lopez
  email: ana@green-bank.example
  organisation: green-bank
- key: ben
  name: Ben Osei
  email: ben@city-lab.example
  organisation: city-lab
  role: RESEARCHER
- key: mo
  name: Mo Diallo
  email: mo@city-lab.example
  organisation: city-lab
  role: MODERATOR
"""

THREAD = """\
---
title: "Green guarantees: who carries the first loss?"
kind: CHALLENGE
author: ana
days_ago: 10
pillars: [RISKS_AND_REWARDS, ASSESSMENT]
topics: [guarantees]
closed: yes
---

We guarantee **green loans**.

---

Below a rule, still the opening post.

---
author: ben
hours_after: 5
accepted: true
---

What we did.

---
author: mo
hours_after: 30
---

Closing this one.
"""


def write_network(folder: Path, changed: dict[str, str] | None = None) -> Path:
    """The small valid network above in `folder`, with the files in `changed` replaced."""
    contents = {
        "organisations.yaml": ORGANISATIONS,
        "members.yaml": MEMBERS,
        "threads/green-guarantees.md": THREAD,
        **(changed or {}),
    }
    for name, text in contents.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def problems(folder: Path) -> list[str]:
    with pytest.raises(DemoDataError) as caught:
        read_network(folder)
    return [str(p) for p in caught.value.problems]


def test_a_small_valid_network_reads_with_every_field(tmp_path):
    network = read_network(write_network(tmp_path))

    assert network.counts() == {"organisations": 2, "members": 3, "threads": 1, "replies": 2}
    bank = network.organisations[0].record
    assert bank.country == "NO", "a country code stays text, not YAML's false"
    assert bank.description == "A public bank: it lends for the transition."
    assert network.organisations[1].record.country is None
    assert network.members[0].record.role.value == "MEMBER"
    thread = network.threads[0]
    assert thread.slug == "green-guarantees"
    opening = thread.opening.entry.record
    assert opening.title == "Green guarantees: who carries the first loss?"
    assert opening.closed is True
    assert opening.pillars == [RoarPillar.RISKS_AND_REWARDS, RoarPillar.ASSESSMENT]
    assert opening.organisation_types is None, "left out: the author's organisation's type"
    assert thread.opening.body == (
        "We guarantee **green loans**.\n\n---\n\nBelow a rule, still the opening post."
    )
    assert [r.body for r in thread.replies] == ["What we did.", "Closing this one."]
    assert [r.entry.record.accepted for r in thread.replies] == [True, False]


def test_a_misspelt_pillar_is_named_with_file_line_and_the_allowed_values(tmp_path):
    thread = THREAD.replace("[RISKS_AND_REWARDS, ASSESSMENT]", "[RISK_AND_REWARDS, ASSESSMENT]")

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:6: pillars: 'RISK_AND_REWARDS' is not a ROAR pillar (one "
        "of ROUTES_AND_DIRECTIONS, ORGANISATIONAL_CAPACITY, ASSESSMENT, RISKS_AND_REWARDS)"
    ]


def test_an_unknown_author_is_named_where_it_is_written(tmp_path):
    thread = THREAD.replace("author: ben", "author: benn")

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:18: author: 'benn' is not in members.yaml"
    ]


def test_a_slug_used_twice_names_both_lines(tmp_path):
    organisations = ORGANISATIONS.replace("slug: city-lab", "slug: green-bank")

    assert problems(write_network(tmp_path, {"organisations.yaml": organisations})) == [
        # Ben and Mo now name an organisation that is not there: said too, once each.
        "members.yaml:8: organisation: 'city-lab' is not in organisations.yaml",
        "members.yaml:13: organisation: 'city-lab' is not in organisations.yaml",
        "organisations.yaml:11: slug: 'green-bank' is used twice (first on line 2)",
    ]


def test_a_reply_before_its_threads_start_is_refused(tmp_path):
    thread = THREAD.replace("hours_after: 5", "hours_after: -2")

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:19: hours_after: should be 0 or more: a reply cannot come "
        "before its thread's start"
    ]


def test_replies_out_of_order_in_the_future_or_accepted_twice_are_refused(tmp_path):
    thread = (
        THREAD.replace("hours_after: 30", "hours_after: 3\naccepted: true")
        + "\n---\nauthor: ana\nhours_after: 241\n---\n\nToo late.\n"
    )

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:27: hours_after: 3 is earlier than the reply above (5): "
        "replies are written in the order they were posted",
        "threads/green-guarantees.md:28: accepted: only one reply is accepted (the one on line "
        "20 is)",
        "threads/green-guarantees.md:35: hours_after: 241 hours after a start 10 days ago is in "
        "the future",
    ]


def test_a_missing_required_field_and_an_unknown_one_are_named(tmp_path):
    members = MEMBERS.replace("  name: Ben Osei\n", "  nmae: Ben Osei\n")

    assert problems(write_network(tmp_path, {"members.yaml": members})) == [
        "members.yaml:5: name: is required",
        "members.yaml:6: nmae: is not a field here (the fields are: key, name, email, "
        "organisation, role)",
    ]


def test_a_yaml_syntax_error_names_its_line_and_how_to_fix_it(tmp_path):
    thread = THREAD.replace('"Green guarantees: who carries the first loss?"', "Green: loss?")
    members = MEMBERS.replace("  role: RESEARCHER", "   role: RESEARCHER")

    found = problems(
        write_network(tmp_path, {"threads/green-guarantees.md": thread, "members.yaml": members})
    )

    assert len(found) == 2
    assert found[0].startswith("members.yaml:9: not valid YAML: mapping values are not allowed")
    assert found[1] == (
        "threads/green-guarantees.md:2: not valid YAML: mapping values are not allowed in this "
        "context (the fields of one entry start in the same column, and a value with ': ' in "
        'it needs double quotes around it, e.g. title: "Green steel: targets or lead markets?")'
    )


def test_an_invalid_member_is_reported_once_not_again_where_it_writes(tmp_path):
    members = MEMBERS.replace("role: RESEARCHER", "role: PROFESSOR")

    assert problems(write_network(tmp_path, {"members.yaml": members})) == [
        "members.yaml:9: role: 'PROFESSOR' is not a role (one of MEMBER, RESEARCHER, "
        "MODERATOR, ADMIN)"
    ]


def test_every_problem_of_every_file_is_reported_together(tmp_path):
    second = (
        "---\ntitle: Second\nkind: CHAT\nauthor: nobody\ndays_ago: ten\npillars: []\n"
        "topics: [Not A Topic]\n---\n\n"
    )
    folder = write_network(
        tmp_path,
        {
            "threads/second.md": second,
            "organisations.yaml": ORGANISATIONS.replace("country: NO", "country: Norway"),
            "members.yaml": MEMBERS.replace("ana@green-bank.example", "ben@city-lab.example"),
        },
    )
    (folder / "threads" / "notes.txt").write_text("not a thread")

    assert problems(folder) == [
        "members.yaml:7: email: 'ben@city-lab.example' is used twice (first on line 3)",
        "organisations.yaml:5: country: 'Norway' is not an ISO 3166-1 alpha-2 code such as DE",
        "threads/notes.txt: is not a thread file: their names end in .md",
        "threads/second.md:3: kind: 'CHAT' is not a kind of thread (one of CHALLENGE, "
        "DISCUSSION, CASE_EXAMPLE)",
        "threads/second.md:5: days_ago: should be a whole number, e.g. 12",
        "threads/second.md:6: pillars: choose at least one ROAR pillar",
    ]


def test_the_services_limits_apply_with_the_line_of_the_field(tmp_path):
    thread = THREAD.replace("topics: [guarantees]", "topics: [guarantees, Not A Topic]").replace(
        '"Green guarantees: who carries the first loss?"', "x" * 201
    )
    thread = thread.replace("What we did.", "")

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:2: title: Title is too long: 201 characters, the limit "
        "is 200.",
        "threads/green-guarantees.md:7: topics: Topic 'Not A Topic' is not valid: use 1 to 40 "
        "lower-case letters, digits or hyphens.",
        "threads/green-guarantees.md:22: body: Body is required.",
    ]


def test_a_thread_file_without_fields_and_unclosed_fields_are_explained(tmp_path):
    folder = write_network(
        tmp_path,
        {
            "threads/no-fields.md": "Just some text.\n",
            "threads/unclosed.md": "---\ntitle: Open\n\nNo closing line.\n",
        },
    )

    assert problems(folder) == [
        "threads/no-fields.md:1: a thread file starts with a line '---', then the thread's "
        "fields, then '---'",
        "threads/unclosed.md:1: the fields that start here are not closed by a line '---'",
    ]


def test_a_control_character_is_found_by_its_line(tmp_path):
    thread = THREAD.replace("What we did.", "What we\x00 did.")

    assert problems(write_network(tmp_path, {"threads/green-guarantees.md": thread})) == [
        "threads/green-guarantees.md:23: has an invisible control character (U+0000)"
    ]


def test_a_yaml_alias_that_contains_itself_is_a_problem_not_a_crash(tmp_path):
    members = MEMBERS.replace("  organisation: green-bank\n", "  organisation: &loop [*loop]\n")

    assert problems(write_network(tmp_path, {"members.yaml": members})) == [
        "members.yaml:4: is nested too deeply (an alias to itself?)",
        "members.yaml:4: organisation: should be a text",
    ]


def test_the_shipped_demo_data_is_inside_the_package_and_valid():
    folder = default_folder()

    assert (folder / "organisations.yaml").is_file() and (folder / "README.md").is_file()
    assert read_network().counts()["threads"] == 70


def _cli(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        env={**os.environ, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_check_validates_without_a_database(tmp_path):
    env = {"MOIN_DATABASE_URL": "postgresql+asyncpg://nobody@127.0.0.1:1/none"}

    shipped = _cli("demo", "--check", env=env, cwd=tmp_path)
    assert shipped.returncode == 0, shipped.stderr
    assert shipped.stdout == (
        "The demo data is valid: 28 organisations, 66 members, 70 threads, 297 replies, "
        "5 applications, 8 events\n"
    )

    bad = write_network(
        tmp_path / "bad", {"members.yaml": MEMBERS.replace("ana\n", "ana\n  x: 1\n", 1)}
    )
    spoilt = _cli("demo", "--check", "--data", str(bad), env=env, cwd=tmp_path)
    assert spoilt.returncode == 1
    assert spoilt.stderr == (
        "moin-forum: the demo data has 1 problem:\n"
        "  members.yaml:2: x: is not a field here (the fields are: key, name, email, "
        "organisation, role)\n"
    )


def test_demo_with_bad_data_writes_nothing_and_good_data_then_loads(tmp_path):
    env = {"MOIN_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'demo.db'}"}
    assert _cli("migrate", env=env, cwd=tmp_path).returncode == 0
    bad = write_network(
        tmp_path / "bad", {"threads/green-guarantees.md": THREAD + "---\nauthor: ana\n"}
    )

    refused = _cli("demo", "--data", str(bad), env=env, cwd=tmp_path)
    assert refused.returncode == 1
    assert "threads/green-guarantees.md:31: the fields that start here" in refused.stderr

    good = write_network(tmp_path / "good")
    loaded = _cli("demo", "--data", str(good), env=env, cwd=tmp_path)
    assert loaded.returncode == 0, loaded.stderr
    assert (
        loaded.stdout == "Loaded demo content: 2 organisations, 3 members, 1 threads, 2 replies\n"
    )


def test_websites_and_e_mail_addresses_follow_the_forums_own_rules(tmp_path):
    # A dotless host passes "starts with https://" but is no website for the forum's rule.
    organisations = ORGANISATIONS.replace("https://green-bank.example", "https://localhost")
    members = MEMBERS.replace("ben@city-lab.example", "ben at city-lab")

    found = problems(
        write_network(tmp_path, {"organisations.yaml": organisations, "members.yaml": members})
    )

    assert found == [
        "members.yaml:7: email: 'ben at city-lab': This is not an e-mail address such as "
        "ana@bank.example.",
        "organisations.yaml:6: website: 'https://localhost': A website is an address such as "
        "https://agency.example, of at most 300 characters.",
    ]
