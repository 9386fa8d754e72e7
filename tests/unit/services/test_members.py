"""Editing members and councils, PINs, the passphrase, CSV import and export."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from pareconapp.core.i18n import UserError
from pareconapp.services.members import MemberFields
from pareconapp.store.models import CouncilKind


def _fields(**changes) -> MemberFields:
    return dataclasses.replace(MemberFields("Zed Zimmer", "Zed", weekly_hours=30), **changes)


def test_add_edit_and_validate(assembly) -> None:
    teams = assembly.members.councils(CouncilKind.TEAM)
    row = assembly.members.add_member(
        _fields(team_id=teams[0].id, skills=("welding", " ", "welding"))
    )
    assert row.team == teams[0].name
    assert row.skills == ("welding",)
    with pytest.raises(UserError, match="Hours/week"):
        assembly.members.update_member(row.id, _fields(weekly_hours=169))
    with pytest.raises(UserError, match="already used"):
        assembly.members.update_member(row.id, _fields(display_name="ana"))  # case-insensitive
    with pytest.raises(UserError, match="Name"):
        assembly.members.add_member(_fields(name="  ", display_name="Nobody"))
    consumer = assembly.members.councils(CouncilKind.CONSUMER)[0]
    with pytest.raises(UserError, match="Team"):
        assembly.members.update_member(row.id, _fields(team_id=consumer.id))
    assert assembly.members.member(row.id).weekly_hours == 30  # nothing changed


def test_left_members_are_kept(assembly) -> None:
    row = assembly.members.list_members()[0]
    from datetime import date

    left = assembly.members.update_member(
        row.id, dataclasses.replace(MemberFields.of(row), active=False, left_on=date(2026, 1, 31))
    )
    assert not left.active
    assert left.left_on == date(2026, 1, 31)
    assert row.id not in {m.id for m in assembly.members.list_members(active_only=True)}


def test_delete_only_unreferenced_members(assembly, clock) -> None:
    fresh = assembly.members.add_member(_fields())
    fields = assembly.members.delete_member(fresh.id)
    assert fresh.id not in {m.id for m in assembly.members.list_members()}
    restored = assembly.members.restore_member(fields, fresh.id)
    assert restored.id == fresh.id
    from pareconapp.services.meetings import MeetingFields

    meeting = assembly.meetings.create_meeting(
        MeetingFields("M", clock(), minute_taker_id=fresh.id)
    )
    assert meeting
    with pytest.raises(UserError, match="Mark them as having left"):
        assembly.members.delete_member(fresh.id)
    assert fresh.id in {m.id for m in assembly.members.list_members()}


def test_undoing_a_deletion_gives_the_member_their_pin_back(assembly) -> None:
    fresh = assembly.members.add_member(_fields())
    assembly.members.set_pin(fresh.id, "4821")
    fields = assembly.members.delete_member(fresh.id)
    restored = assembly.members.restore_member(fields, fresh.id)
    assert restored.has_pin
    assert assembly.members.verify_pin(fresh.id, "4821")
    # a member deleted without a PIN comes back without one
    assembly.members.set_pin(fresh.id, None)
    fields = assembly.members.delete_member(fresh.id)
    assert not assembly.members.restore_member(fields, fresh.id).has_pin


def test_pins_are_hashed_with_salt(assembly, demo_file) -> None:
    a, b = assembly.members.list_members()[:2]
    assembly.members.set_pin(a.id, "4711")
    assembly.members.set_pin(b.id, "4711")
    assert assembly.members.verify_pin(a.id, "4711")
    assert not assembly.members.verify_pin(a.id, "4712")
    assert assembly.members.member(a.id).has_pin
    with pytest.raises(UserError, match="PIN"):
        assembly.members.set_pin(a.id, "12")
    connection = sqlite3.connect(demo_file)
    hashes = [
        h for (h,) in connection.execute("SELECT pin_hash FROM member WHERE pin_hash IS NOT NULL")
    ]
    connection.close()
    assert len(hashes) == 2
    assert hashes[0] != hashes[1]  # per-member salt
    assert all("4711" not in h for h in hashes)
    assembly.members.set_pin(a.id, None)
    assert not assembly.members.verify_pin(a.id, "4711")


def test_facilitator_passphrase(tmp_path) -> None:
    from pareconapp.services.assembly import AssemblyService

    fresh = AssemblyService.create(tmp_path / "new.parecon", "New")
    try:
        _check_passphrase_rules(fresh.security)
    finally:
        fresh.close()


def test_demo_passphrase(assembly) -> None:
    from pareconapp.core.demo import DEMO_PASSPHRASE

    assert assembly.security.verify(DEMO_PASSPHRASE)


def _check_passphrase_rules(security) -> None:
    assert not security.has_passphrase()
    assert not security.verify("anything")
    with pytest.raises(UserError, match="at least"):
        security.set_passphrase("short")
    security.set_passphrase("open sesame")
    assert security.verify("open sesame")
    assert not security.verify("open sesame!")
    with pytest.raises(UserError, match="not the facilitator passphrase"):
        security.set_passphrase("new phrase", current="wrong one")
    security.set_passphrase("new phrase", current="open sesame")
    assert security.verify("new phrase")


def test_councils(assembly) -> None:
    worker = assembly.members.councils(CouncilKind.WORKER)[0]
    team_id = assembly.members.add_council("Paint shop", CouncilKind.TEAM, worker.id)
    assert "Paint shop" in [c.name for c in assembly.members.councils(CouncilKind.TEAM)]
    with pytest.raises(UserError, match="already a council"):
        assembly.members.add_council("paint shop", CouncilKind.CONSUMER)
    with pytest.raises(UserError, match="team belongs"):
        assembly.members.add_council("Loose team", CouncilKind.TEAM)
    assembly.members.rename_council(team_id, "Paint & powder")
    tree = assembly.members.council_tree()
    assert "Paint & powder" in [c.name for c in tree[0].children]
    busy = assembly.members.councils(CouncilKind.TEAM)[0]
    with pytest.raises(UserError, match="still has members"):
        assembly.members.delete_council(busy.id)
    assembly.members.delete_council(team_id)
    assert team_id not in [c.id for c in assembly.members.councils()]


CSV_HEADER = "name,display_name,weekly_hours,team,consumer_council\n"


def test_csv_import_all_or_nothing(assembly) -> None:
    before = len(assembly.members.list_members())
    bad = (
        CSV_HEADER + "New One,N1,35,Repair shop,Riverside Neighbourhood Council\n"
        "New Two,N2,999,Repair shop,\n"
    ).encode()
    preview = assembly.members.preview_csv(bad)
    assert not preview.ok
    with pytest.raises(UserError, match="nothing was imported"):
        assembly.members.import_csv(bad)
    assert len(assembly.members.list_members()) == before
    good = (
        CSV_HEADER + "New One,N1,35,Repair shop,Riverside Neighbourhood Council\nNew Two,N2,20,,\n"
    ).encode()
    assert assembly.members.import_csv(good) == 2
    members = {m.display_name: m for m in assembly.members.list_members()}
    assert members["N1"].team == "Repair shop"
    assert members["N1"].consumer_council == "Riverside Neighbourhood Council"
    assert members["N2"].weekly_hours == 20


def test_csv_export_round_trips_through_preview(assembly) -> None:
    text = assembly.members.export_csv()
    assert text.splitlines()[0].startswith("name,display_name,")
    assert len(text.splitlines()) == 1 + len(assembly.members.list_members())
    # importing the export into the same assembly flags every row as a duplicate
    preview = assembly.members.preview_csv(text.encode())
    assert all(any("already a member" in str(p) for p in row.problems) for row in preview.rows)
