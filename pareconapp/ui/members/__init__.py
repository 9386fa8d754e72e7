"""The pieces of the Members page: table model and filter, editors, dialogs, undo steps.

The page itself is :class:`pareconapp.ui.pages.members.MembersPage`; everything here talks
to the assembly only through :class:`~pareconapp.services.members.MemberService`.
"""
