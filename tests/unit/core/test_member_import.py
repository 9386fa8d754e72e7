"""Member CSV import: every kind of problem is found before anything is stored."""

from __future__ import annotations

from pareconapp.core.csv_import import decode_csv
from pareconapp.core.member_import import MemberRecord, export_rows, preview_import

TEAMS = ["Repair shop", "Frame building"]
COUNCILS = ["Riverside"]


def preview(text: str, existing: tuple[str, ...] = ("Ana",)):
    return preview_import(text, existing, TEAMS, COUNCILS)


def messages(row) -> list[str]:
    return [str(p) for p in row.problems]


def test_valid_file() -> None:
    result = preview(
        "name,display_name,weekly_hours,team,consumer_council,skills,active\n"
        'Bo Berg,Bo,35,Repair shop,Riverside,"welding, wheels",yes\n'
        "Cy Chen,,37.5,frame building,,,\n"
    )
    assert result.ok
    first, second = result.records()
    assert first == MemberRecord(
        "Bo Berg", "Bo", "", 35.0, "Repair shop", "Riverside", ("welding", "wheels"), True
    )
    assert second.display_name == "Cy Chen"  # defaults to the name
    assert second.team == "Frame building"  # matched ignoring case


def test_semicolons_and_decimal_commas_from_european_spreadsheets() -> None:
    result = preview("Name;Hours;Team\nBo Berg;37,5;Repair shop\n")
    assert result.ok
    assert result.records()[0].weekly_hours == 37.5


def test_every_kind_of_row_error() -> None:
    result = preview(
        "name,display_name,weekly_hours,team,consumer_council,active\n"
        ",Nobody,35,,,\n"  # 2: missing name
        "Ana Other,Ana,35,,,\n"  # 3: display name taken by a member
        "Di Dot,Di,35,,,\n"  # 4: fine
        "Di Second,Di,35,,,\n"  # 5: duplicate within the file
        "Ed Eel,Ed,200,,,\n"  # 6: hours out of range
        "Fa Fox,Fa,lots,,,\n"  # 7: hours not a number
        "Gu Gil,Gu,35,Paint shop,,\n"  # 8: unknown team
        "Hu Hal,Hu,35,,Uptown,\n"  # 9: unknown consumer council
        "Io Ivy,Io,35,,,maybe\n"  # 10: bad active flag
    )
    assert not result.ok
    by_line = {row.line: messages(row) for row in result.rows}
    assert "The name is missing." in by_line[2]
    assert any("already a member" in m for m in by_line[3])
    assert by_line[4] == []
    assert any("appears twice (also on line 4)" in m for m in by_line[5])
    assert any("from 0 to 168" in m for m in by_line[6])
    assert any('"lots"' in m for m in by_line[7])
    assert any('no team called "Paint shop"' in m for m in by_line[8])
    assert any('no consumer council called "Uptown"' in m for m in by_line[9])
    assert any("yes or no" in m for m in by_line[10])
    assert result.problem_count == 8


def test_wrong_columns() -> None:
    result = preview("name,salary\nBo,100\n")
    assert not result.ok
    assert 'Unknown column "salary"' in str(result.file_problems[0])
    result = preview("first,last\nBo,Berg\n")
    assert any('"name"' in str(p) for p in result.file_problems)


def test_empty_and_header_only_files() -> None:
    assert "empty" in str(preview("").file_problems[0])
    assert "no members" in str(preview("name,team\n\n").file_problems[0])
    assert not preview("").ok


def test_large_file() -> None:
    rows = "".join(f"Member {i},M{i},35,Repair shop,Riverside,,yes\n" for i in range(5000))
    result = preview("name,display_name,weekly_hours,team,consumer_council,skills,active\n" + rows)
    assert result.ok
    assert len(result.records()) == 5000


def test_decode_handles_bom_and_windows_encoding() -> None:
    assert decode_csv("\ufeffname\nZoë\n".encode()) == "name\nZoë\n"
    assert decode_csv("name\nZoë\n".encode("cp1252")) == "name\nZoë\n"


def test_export_reads_back() -> None:
    records = [
        MemberRecord("Bo Berg", "Bo", "bo@x", 35.0, "Repair shop", "Riverside", ("welding",), True),
        MemberRecord("Cy", "Cy", "", 20.5, "", "", (), False),
    ]
    result = preview(export_rows(records), existing=())
    assert result.ok
    assert result.records() == records
