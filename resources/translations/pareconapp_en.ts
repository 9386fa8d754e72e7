<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name />
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/results.py" line="79" />
        <source>Jobs</source>
        <comment>E: empowerment, D: desirability.  ● one rating   ┃ the {method}   shaded: the middle half (Q1–Q3)   red: contested</comment>
        <translation>
            <numerusform>Jobs</numerusform><numerusform>Jobs</numerusform></translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/actions.py" line="163" />
        <source>%n action item(s)</source>
        <translation>
            <numerusform>%n action item</numerusform><numerusform>%n action items</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/actions.py" line="165" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/agenda.py" line="90" />
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/attendance.py" line="162" />
        <source>%n in the room now</source>
        <translation>
            <numerusform>%n in the room now</numerusform><numerusform>%n in the room now</numerusform></translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/ballot_panel.py" line="232" />
        <source>%n weight class(es) have fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</source>
        <translation>
            <numerusform>%n weight class has fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</numerusform><numerusform>%n weight classes have fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/check_in.py" line="101" />
        <source>%n member(s) checked in</source>
        <translation>
            <numerusform>%n member checked in</numerusform><numerusform>%n members checked in</numerusform></translation>
    </message>
</context>
<context>
    <name>CouncilTreeModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/councils.py" line="107" />
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform><numerusform>%n active members</numerusform></translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message numerus="yes">
        <source>%n weight class(es) have fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</source>
        <translation>
            <numerusform>%n weight class has fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</numerusform><numerusform>%n weight classes have fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</numerusform></translation>
    </message>
</context>
<context>
    <name>EffortForm</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/remuneration/effort_kiosk.py" line="93" />
        <source>%n colleague(s) still to rate</source>
        <translation>
            <numerusform>%n colleague still to rate</numerusform><numerusform>%n colleagues still to rate</numerusform></translation>
    </message>
</context>
<context>
    <name>FacilitationView</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/facilitation.py" line="247" />
        <source>%n in the room</source>
        <translation>
            <numerusform>%n in the room</numerusform><numerusform>%n in the room</numerusform></translation>
    </message>
</context>
<context>
    <name>IfbRoundPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/planning/ifb_view.py" line="381" />
        <source>Round {number}: %n of {known} proposal(s) received</source>
        <translation>
            <numerusform>Round {number}: %n of {known} proposal received</numerusform><numerusform>Round {number}: %n of {known} proposals received</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/planning/ifb_view.py" line="480" />
        <source>%n council(s) have not sent a proposal; their goods will be missing from the totals. Close the round anyway?</source>
        <translation>
            <numerusform>%n council has not sent a proposal; their goods will be missing from the totals. Close the round anyway?</numerusform><numerusform>%n councils have not sent a proposal; their goods will be missing from the totals. Close the round anyway?</numerusform></translation>
    </message>
</context>
<context>
    <name>ImpactEditor</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/impact.py" line="571" />
        <source>%n member(s) vote</source>
        <translation>
            <numerusform>%n member vote</numerusform><numerusform>%n members vote</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/impact.py" line="573" />
        <source>%n not affected</source>
        <translation>
            <numerusform>%n not affected</numerusform><numerusform>%n not affected</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="53" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="55" />
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="56" />
        <source>&amp;Import %n member(s)</source>
        <translation>
            <numerusform>&amp;Import %n member</numerusform><numerusform>&amp;Import %n members</numerusform></translation>
    </message>
</context>
<context>
    <name>JobComplexEditor</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/editor.py" line="365" />
        <source>Release %n cell(s)</source>
        <translation>
            <numerusform>Release %n cell</numerusform><numerusform>Release %n cells</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/editor.py" line="368" />
        <source>Pin %n cell(s)</source>
        <translation>
            <numerusform>Pin %n cell</numerusform><numerusform>Pin %n cells</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/editor.py" line="410" />
        <source>%n rule(s) broken:</source>
        <translation>
            <numerusform>%n rule broken:</numerusform><numerusform>%n rules broken:</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/editor.py" line="640" />
        <source>The draft breaks %n rule(s); fix them (see the list) before saving.</source>
        <translation>
            <numerusform>The draft breaks %n rule; fix them (see the list) before saving.</numerusform><numerusform>The draft breaks %n rules; fix them (see the list) before saving.</numerusform></translation>
    </message>
</context>
<context>
    <name>Members</name>
    <message numerus="yes">
        <source>The file has %n problem(s); nothing was imported.</source>
        <translation>
            <numerusform>The file has %n problem; nothing was imported.</numerusform><numerusform>The file has %n problems; nothing was imported.</numerusform></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="550" />
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform><numerusform>%n active members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="552" />
        <source>%n in total</source>
        <translation>
            <numerusform>%n in total</numerusform><numerusform>%n in total</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="555" />
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform><numerusform>%n shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="756" />
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Import %n member</numerusform><numerusform>Import %n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="757" />
        <source>Imported %n member(s) from {file}</source>
        <translation>
            <numerusform>Imported %n member from {file}</numerusform><numerusform>Imported %n members from {file}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="777" />
        <source>Exported %n member(s) to {path}</source>
        <translation>
            <numerusform>Exported %n member to {path}</numerusform><numerusform>Exported %n members to {path}</numerusform></translation>
    </message>
</context>
<context>
    <name>MinutesDialog</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/minutes/dialog.py" line="246" />
        <source>Errata recorded since: %n.</source>
        <translation>
            <numerusform>Errata recorded since: %n.</numerusform><numerusform>Errata recorded since: %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>RatingForm</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/kiosk.py" line="323" />
        <source>Still to rate or skip: %n task(s)</source>
        <translation>
            <numerusform>Still to rate or skip: %n task</numerusform><numerusform>Still to rate or skip: %n tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/results.py" line="115" />
        <source>%n ballot(s) counted.</source>
        <translation>
            <numerusform>%n ballot counted.</numerusform><numerusform>%n ballots counted.</numerusform></translation>
    </message>
</context>
<context>
    <name>RoundResultsView</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/results.py" line="192" />
        <source>%n contested task(s)</source>
        <translation>
            <numerusform>%n contested task</numerusform><numerusform>%n contested tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>RoundSetup</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/round_setup.py" line="290" />
        <location filename="../../pareconapp/ui/jobs/round_setup.py" line="291" />
        <source>%n chosen</source>
        <translation>
            <numerusform>%n chosen</numerusform><numerusform>%n chosen</numerusform></translation>
    </message>
</context>
<context>
    <name>RoundsPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/rounds_panel.py" line="176" />
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform><numerusform>%n tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>StackModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/stack_panel.py" line="89" />
        <source>Spoke %n time(s) in this meeting</source>
        <translation>
            <numerusform>Spoke %n time in this meeting</numerusform><numerusform>Spoke %n times in this meeting</numerusform></translation>
    </message>
</context>
<context>
    <name>TaskImportDialog</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/task_import.py" line="54" />
        <source>%n task(s)</source>
        <translation>
            <numerusform>%n task</numerusform><numerusform>%n tasks</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/task_import.py" line="56" />
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/task_import.py" line="57" />
        <source>&amp;Import %n task(s)</source>
        <translation>
            <numerusform>&amp;Import %n task</numerusform><numerusform>&amp;Import %n tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>TasksPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/tasks_panel.py" line="161" />
        <source>, %n in training</source>
        <translation>
            <numerusform>, %n in training</numerusform><numerusform>, %n in training</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/tasks_panel.py" line="164" />
        <source>%n qualified</source>
        <translation>
            <numerusform>%n qualified</numerusform><numerusform>%n qualified</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/jobs/tasks_panel.py" line="206" />
        <source>%n active task(s)</source>
        <translation>
            <numerusform>%n active task</numerusform><numerusform>%n active tasks</numerusform></translation>
    </message>
</context>
<context>
    <name>WorkerProposalEditor</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/planning/proposal_editor.py" line="480" />
        <source>Last round %n council(s) made {good}: median output {output}</source>
        <translation>
            <numerusform>Last round %n council made {good}: median output {output}</numerusform><numerusform>Last round %n councils made {good}: median output {output}</numerusform></translation>
    </message>
</context>
<context>
    <name>check</name>
    <message numerus="yes">
        <source>decision log: %n entry(ies), chain intact</source>
        <translation>
            <numerusform>decision log: %n entry, chain intact</numerusform><numerusform>decision log: %n entries, chain intact</numerusform></translation>
    </message>
<message numerus="yes"><source>approved minutes: %n meeting(s), SHA-256 intact</source><translation><numerusform>approved minutes: %n meeting, SHA-256 intact</numerusform><numerusform>approved minutes: %n meetings, SHA-256 intact</numerusform></translation></message></context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <source>{path}: %n problem(s) found</source>
        <translation>
            <numerusform>{path}: %n problem found</numerusform><numerusform>{path}: %n problems found</numerusform></translation>
    </message>
</context>
</TS>