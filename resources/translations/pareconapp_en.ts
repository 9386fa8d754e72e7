<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ActionsPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/actions.py" line="159" />
        <source>%n action item(s)</source>
        <translation>
            <numerusform>%n action item</numerusform><numerusform>%n action items</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/actions.py" line="161" />
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
</context>
<context>
    <name>AgendaModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/agenda.py" line="87" />
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform><numerusform>%n min</numerusform></translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/attendance.py" line="158" />
        <source>%n in the room now</source>
        <translation>
            <numerusform>%n in the room now</numerusform><numerusform>%n in the room now</numerusform></translation>
    </message>
</context>
<context>
    <name>BallotPanel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/ballot_panel.py" line="229" />
        <source>%n weight class(es) have fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</source>
        <translation>
            <numerusform>%n weight class has fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</numerusform><numerusform>%n weight classes have fewer than three voters, so their secret ballots could be traced. Open anyway and record that the assembly accepted this? (Choose No to merge classes on the Impact tab.)</numerusform></translation>
    </message>
</context>
<context>
    <name>CheckInScreen</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/check_in.py" line="97" />
        <source>%n member(s) checked in</source>
        <translation>
            <numerusform>%n member checked in</numerusform><numerusform>%n members checked in</numerusform></translation>
    </message>
</context>
<context>
    <name>CouncilTreeModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/councils.py" line="104" />
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform><numerusform>%n active members</numerusform></translation>
    </message>
</context>
<context>
    <name>EffortForm</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/remuneration/effort_kiosk.py" line="89" />
        <source>%n colleague(s) still to rate</source>
        <translation>
            <numerusform>%n colleague still to rate</numerusform><numerusform>%n colleagues still to rate</numerusform></translation>
    </message>
</context>
<context>
    <name>FacilitationView</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/facilitation.py" line="243" />
        <source>%n in the room</source>
        <translation>
            <numerusform>%n in the room</numerusform><numerusform>%n in the room</numerusform></translation>
    </message>
</context>
<context>
    <name>ImpactEditor</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/impact.py" line="435" />
        <source>%n member(s) vote</source>
        <translation>
            <numerusform>%n member vote</numerusform><numerusform>%n members vote</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/impact.py" line="437" />
        <source>%n not affected</source>
        <translation>
            <numerusform>%n not affected</numerusform><numerusform>%n not affected</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="142" />
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="144" />
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform><numerusform>%n problems</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/members/import_preview.py" line="199" />
        <source>&amp;Import %n member(s)</source>
        <translation>
            <numerusform>&amp;Import %n member</numerusform><numerusform>&amp;Import %n members</numerusform></translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="551" />
        <source>%n active member(s)</source>
        <translation>
            <numerusform>%n active member</numerusform><numerusform>%n active members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="553" />
        <source>%n in total</source>
        <translation>
            <numerusform>%n in total</numerusform><numerusform>%n in total</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="556" />
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform><numerusform>%n shown</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="757" />
        <source>Import %n member(s)</source>
        <translation>
            <numerusform>Import %n member</numerusform><numerusform>Import %n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="758" />
        <source>Imported %n member(s) from {file}</source>
        <translation>
            <numerusform>Imported %n member from {file}</numerusform><numerusform>Imported %n members from {file}</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/pages/members.py" line="778" />
        <source>Exported %n member(s) to {path}</source>
        <translation>
            <numerusform>Exported %n member to {path}</numerusform><numerusform>Exported %n members to {path}</numerusform></translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/decisions/results.py" line="112" />
        <source>%n ballot(s) counted.</source>
        <translation>
            <numerusform>%n ballot counted.</numerusform><numerusform>%n ballots counted.</numerusform></translation>
    </message>
</context>
<context>
    <name>StackModel</name>
    <message numerus="yes">
        <location filename="../../pareconapp/ui/meetings/stack_panel.py" line="86" />
        <source>Spoke %n time(s) in this meeting</source>
        <translation>
            <numerusform>Spoke %n time in this meeting</numerusform><numerusform>Spoke %n times in this meeting</numerusform></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message numerus="yes">
        <location filename="../../pareconapp/commands/check.py" line="39" />
        <source>{path}: %n problem(s) found</source>
        <translation>
            <numerusform>{path}: %n problem found</numerusform><numerusform>{path}: %n problems found</numerusform></translation>
    </message>
</context>
<context><name>Decisions</name><message numerus="yes"><source>%n weight class(es) have fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</source><translation><numerusform>%n weight class has fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</numerusform><numerusform>%n weight classes have fewer than 3 voters, so their ballots could be traced. Merge the small classes, or accept the risk (the minutes record it).</numerusform></translation></message></context><context><name>Members</name><message numerus="yes"><source>The file has %n problem(s); nothing was imported.</source><translation><numerusform>The file has %n problem; nothing was imported.</numerusform><numerusform>The file has %n problems; nothing was imported.</numerusform></translation></message></context><context><name>check</name><message numerus="yes"><source>decision log: %n entry(ies), chain intact</source><translation><numerusform>decision log: %n entry, chain intact</numerusform><numerusform>decision log: %n entries, chain intact</numerusform></translation></message></context></TS>