"""A confirmed ballot survives ``kill -9``; one caught mid-transaction leaves no trace."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest

from pareconapp.core.decisions import DecisionRule, RuleKind
from pareconapp.services.assembly import AssemblyService
from pareconapp.services.checks import check_file
from pareconapp.services.decisions import DecisionFields, ImpactInput
from pareconapp.services.meetings import MeetingFields
from pareconapp.store.models import BallotMode

pytestmark = pytest.mark.e2e

VOTER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy.orm import Session
    from pareconapp.core.decisions import YesNo
    from pareconapp.services.assembly import AssemblyService

    path, decision, stop_at, *members = sys.argv[1:]
    decision, stop_at = int(decision), int(stop_at)
    assembly = AssemblyService.open(Path(path))
    for number, member in enumerate(map(int, members), start=1):
        if number == stop_at:
            def stuck_commit(session):
                session.flush()  # the ballot and the voter mark are written, not committed
                print("in transaction", flush=True)
                time.sleep(600)
            Session.commit = stuck_commit
        assembly.decisions.cast_secret(decision, member, YesNo.YES)
        print("confirmed", number, flush=True)
""")


def test_kill_during_a_vote(demo_file: Path) -> None:
    assembly = AssemblyService.open(demo_file)
    members = [m.id for m in assembly.members.list_members(active_only=True)[:6]]
    meeting = assembly.meetings.create_meeting(MeetingFields("Night vote", assembly.clock()))
    for member in members:
        assembly.attendance.check_in(meeting, member)
    decision = assembly.decisions.create(
        DecisionFields(
            "Keep the lights on",
            rule=DecisionRule(RuleKind.SIMPLE_MAJORITY),
            ballot_mode=BallotMode.SECRET,
            meeting_id=meeting,
        )
    )
    assembly.decisions.assess(
        decision,
        ImpactInput(
            "numbers", dict.fromkeys(members, Fraction(1)), "Everyone works under these lights."
        ),
    )
    assembly.decisions.open_ballot(decision)
    assembly.close()

    stop_at = 4
    voter = subprocess.Popen(
        [
            sys.executable,
            "-c",
            VOTER,
            str(demo_file),
            str(decision),
            str(stop_at),
            *map(str, members),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert voter.stdout is not None
    lines = [voter.stdout.readline().strip() for _ in range(stop_at)]
    assert lines == ["confirmed 1", "confirmed 2", "confirmed 3", "in transaction"]
    os.kill(voter.pid, signal.SIGKILL)
    voter.wait(timeout=30)
    voter.stdout.close()

    reopened = AssemblyService.open(demo_file)
    try:
        progress = reopened.decisions.progress(decision)
        assert progress.cast == stop_at - 1, "confirmed ballots kept, the unconfirmed one gone"
        result = reopened.decisions.close_ballot(decision).result
        assert sum(c.head_count for c in result.counts) == stop_at - 1
    finally:
        reopened.close()
    assert check_file(demo_file).ok
