"""Clinician use cases: links and invites, plan adjustments, clearances, and the audit trail.

Each change is one transaction that also writes its AuditEvent, so a change is never
stored without the record of who made it.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from backstride.accounts.models import Clinician
from backstride.core.errors import InputError
from backstride.core.inputs import check_text
from backstride.runners.models import Adjustment, Clearance, Runner
from backstride.runners.services import NoPlan, NotPaused, active_plan, clear_referral, recompute, referral_to_clear

from . import invite_codes
from .models import AuditEvent, CareLink, Invite

# The actions the audit trail records; the audit page shows each in words.
VIEWED, ADJUSTED, CLEARED = "runner_viewed", "plan_adjusted", "referral_cleared"
INVITED, JOINED = "invite_created", "invite_accepted"
ROSTER_VIEWED, RUNNERS_LISTED, ADMIN_VIEWED = "roster_viewed", "runners_listed", "admin_viewed"
ACCESS_ENDED = "access_ended"
OUTCOMES_EXPORTED = "outcomes_exported"
# Actions whose detail lists the runners shown by id (a deleted runner's id is replaced there).
LISTS_OF_RUNNERS = (ROSTER_VIEWED, OUTCOMES_EXPORTED)
# Actions that only read are named so; every other action changes something and is always recorded.
READ_SUFFIXES = ("_viewed", "_listed")
# The same person reading the same thing again within this window adds no row: a clinician paging
# through a record is one look, not fifty, and the trail stays readable.
READ_WINDOW = dt.timedelta(minutes=5)
READS_COMPARED = 50  # more distinct reads than this in one window are simply recorded again


def today() -> dt.date:
    """The clinician's today (tests replace it to stand on a day of the plan)."""
    return timezone.localdate()


def audit(actor, runner: Runner | None, action: str, **detail) -> AuditEvent:
    """Record who did what to whose data; a read already recorded within READ_WINDOW is not recorded again."""
    if action.endswith(READ_SUFFIXES):
        since = timezone.now() - READ_WINDOW
        recent = AuditEvent.objects.filter(actor=actor, runner=runner, action=action, at__gte=since)
        # detail says which page or record was read; compared here, as JSON equality differs between databases
        for event in recent.order_by("-at", "-id")[:READS_COMPARED]:
            if event.detail == detail:
                return event
    return AuditEvent.objects.create(actor=actor, runner=runner, action=action, detail=detail)


def link(clinician: Clinician, runner: Runner) -> CareLink:
    """Let this clinician follow the runner (idempotent)."""
    care_link, _created = CareLink.objects.get_or_create(clinician=clinician, runner=runner)
    return care_link


def linked_clinicians(runner: Runner) -> list[Clinician]:
    """The clinicians who follow this runner, by name."""
    return list(
        Clinician.objects.filter(links__runner=runner)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )


def end_access(runner: Runner, clinician_id: int) -> Clinician:
    """The runner stops a clinician following them: from now on that clinician cannot see their record.

    What the clinician changed in the plan stays part of it; the runner can invite them again later.
    """
    with transaction.atomic():
        care_link = (
            CareLink.objects.select_for_update()
            .select_related("clinician__user")
            .filter(runner=runner, clinician_id=clinician_id)
            .first()
        )
        if care_link is None:
            raise InputError("clinician", _("this clinician does not follow you"))
        care_link.delete()
        clinician = care_link.clinician
        audit(runner.user, runner, ACCESS_ENDED, clinician=clinician.pk, clinician_name=clinician_name(clinician.user))
    return clinician


def create_invite(clinician: Clinician) -> Invite:
    with transaction.atomic():
        invite = Invite.objects.create(clinician=clinician)
        audit(clinician.user, None, INVITED, invite=invite.pk)
    return invite


def accept_invite(runner: Runner, code: str) -> bool:
    """Link the runner to the clinician who made the invite; each code works once.

    A readable code is found however it was typed (case, spaces, dashes); an older code only exactly.
    """
    code = (code or "").strip()
    if not code:
        return False
    # The two forms never collide: older codes are 12 characters long, readable ones 14 with their dashes.
    typed = {code, invite_codes.readable_form(code) or code}
    with transaction.atomic():
        invite = Invite.objects.filter(code__in=typed, used_at__isnull=True).select_related("clinician").first()
        if invite is None:
            return False
        # a conditional update, so two sign-ups racing for one code cannot both win
        won = Invite.objects.filter(pk=invite.pk, used_at__isnull=True).update(used_by=runner, used_at=timezone.now())
        if not won:
            return False
        link(invite.clinician, runner)
        audit(runner.user, runner, JOINED, invite=invite.pk, clinician=invite.clinician_id)
    return True


def _as_of(runner: Runner, day: dt.date) -> dt.date:
    # never move the stored snapshot back before logs the runner already made
    return max(day, runner.state_as_of or day)


def adjust(
    runner: Runner,
    author,
    kind: str,
    note: str,
    day: dt.date,
    slot: str = "",
    slug: str = "",
    dosage_step: int | None = None,
) -> Adjustment:
    """Store a clinician's change and replay the program with it, in one transaction."""
    if kind not in dict(Adjustment.KINDS):
        raise InputError("kind", _("choose one of the changes offered"))
    if not note.strip():
        raise InputError("note", _("say why: the runner sees this note with the change"))
    check_text("note", note)
    plan = active_plan(runner)
    # a change made before the plan starts takes effect on its first day, where the replay begins
    day = max(day, plan.start_date)
    with transaction.atomic():
        adjustment = Adjustment.objects.create(
            runner=runner,
            author=author,
            date=day,
            kind=kind,
            slot=slot,
            slug=slug,
            dosage_step=dosage_step,
            note=note.strip(),
        )
        recompute(runner, _as_of(runner, day))
        audit(
            author,
            runner,
            ADJUSTED,
            adjustment=adjustment.pk,
            kind=kind,
            slot=slot,
            slug=slug,
            dosage_step=dosage_step,
            note=note.strip(),
        )
    return adjustment


def paused_since(runner: Runner) -> dt.date | None:
    paused = (runner.state or {}).get("paused")
    return dt.date.fromisoformat(paused["date"]) if paused else None


def clinician_name(user) -> str:
    return user.get_full_name() or user.username


def clear(runner: Runner, actor, note: str, day: dt.date, **detail) -> Clearance:
    """Record a clinician's clearance of a referral, so the paused program resumes.

    The clinician's name goes with the clearance (the runner sees it with the note) and into the
    audit trail; it is what lets an emergency referral be cleared at all.
    """
    if runner.current_plan is None:
        raise NoPlan("runner", _("this runner has no plan: after the referral, they need a new assessment"))
    since = paused_since(runner)
    if since is None:
        raise NotPaused("runner", _("the program is not paused: there is no referral to clear"))
    if not note.strip():
        raise InputError("note", _("say who cleared the referral and when"))
    check_text("note", note)
    day = max(day, since)  # a clearance answers a warning sign, so it is never dated before it
    name = clinician_name(actor)
    with transaction.atomic():
        paused = referral_to_clear(runner, day) or {}
        clear_referral(runner, day, note, cleared_by=name)
        audit(
            actor,
            runner,
            CLEARED,
            note=note.strip(),
            date=day.isoformat(),
            cleared_by=name,
            status=paused.get("status"),
            **detail,
        )
    return runner.clearances.order_by("-id").first()
