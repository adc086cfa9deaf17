"""Issue 18, hygiene's ledgers (no Qt): health certificates, morning checks, disinfection, accompanied
meals, and the compliance check over the five ledgers."""

from __future__ import annotations

import datetime as dt

import pytest

from logistics_desk.core import clock
from logistics_desk.core.errors import ValidationError
from logistics_desk.modules.canteen import hygiene

from .conftest import at


def receive_something(c, day):
    """One accepted delivery on ``day`` through food-in's receiving service (used by ``_clean_day``)."""
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Supplier
    from logistics_desk.modules.canteen import receiving

    supplier = Supplier.get_or_none(Supplier.name == "城南蔬菜配送中心") or masterdata.save(
        Supplier, {"name": "城南蔬菜配送中心"})
    receiving.save_licence(supplier, "JY13201050012345", dt.date(2027, 12, 31))
    receiving.record_delivery({"delivered_at": at(day, 7, 10), "supplier": supplier.id, "receiver1": c.cook.id,
                               "receiver2": c.helper.id,
                               "lines": [{"item": "大白菜", "quantity": "20", "unit": "kg",
                                          "use_by": day + dt.timedelta(days=3), "batch": "B1", "papers": "PJ-001",
                                          "storage": "ambient"}]})


@pytest.fixture
def staff(canteen):
    """The cook's certificate valid, the helper's expired on 2026-11-20; a third worker without one."""
    from logistics_desk.core import masterdata
    from logistics_desk.core.masterdata import Person

    c = canteen
    hygiene.save_certificate(c.helper, "JK-2025-002", dt.date(2026, 11, 20))
    c.new = masterdata.save(Person, {"name": "赵师傅", "is_canteen_staff": True})
    return c


def test_certificate_problem_warning_and_fit_workers(staff):
    c, day = staff, staff.day
    assert hygiene.certificate_problem(c.cook, day) is None
    assert "expired on 2026-11-20" in hygiene.certificate_problem(c.helper, day)
    assert "no health certificate" in hygiene.certificate_problem(c.new, day)
    hygiene.save_certificate(c.cook, "JK-2026-001", day + dt.timedelta(days=20))
    assert "in 20 days" in hygiene.certificate_warning(c.cook, day)
    assert hygiene.certificate_warning(c.cook, day - dt.timedelta(days=40)) is None
    assert [p.name for p in hygiene.fit_workers(day)] == [c.cook.name]
    problems, warnings = hygiene.certificate_alerts(day)
    assert len(problems) == 2 and len(warnings) == 1
    with pytest.raises(ValidationError) as e:
        hygiene.save_certificate(c.new, " ", day)
    assert "number" in e.value.errors


def test_sent_home_worker_is_not_fit_that_day(staff):
    c, day = staff, staff.day
    rows = hygiene.morning_grid(day)
    assert [r["recorded"] for r in rows] == [False] * 3 and all(r["present"] for r in rows)
    for r in rows:
        if r["person_id"] == c.cook.id:
            r["sore_throat"] = True
    assert hygiene.record_morning_checks(day, rows, checked_by=c.cook) == 3
    again = {r["person_id"]: r for r in hygiene.morning_grid(day)}
    assert again[c.cook.id]["recorded"] and not again[c.cook.id]["fit"]
    assert again[c.cook.id]["action"] == "Sent home"
    assert hygiene.fit_workers(day) == []  # the cook sent home, the others without a valid certificate
    assert "sent home by the morning check" in hygiene.fitness_problem(c.cook, day)
    # corrected: the same rows updated, not doubled
    again[c.cook.id]["sore_throat"] = False
    assert hygiene.record_morning_checks(day, list(again.values())) == 1
    assert len(hygiene.morning_checks(day, day)) == 3
    assert [p.name for p in hygiene.fit_workers(day)] == [c.cook.name]


def test_expired_sampler_refused_without_a_reason_and_the_reason_kept(staff):
    c, s, day = staff, staff.service, staff.day
    a, b = s.add_dishes(day, "breakfast", ["馒头", "鸡蛋"])
    clock.freeze(at(day, 7, 0))
    with pytest.raises(ValidationError) as e:
        s.quick_take(a, taken_by=c.helper, weight_g=150)
    assert "expired on 2026-11-20" in e.value.errors["taken_by"]
    assert s.get_sample(a.id).taken_at is None
    row = s.quick_take(a, taken_by=c.helper, weight_g=150, reason="王师傅请假，临时由李阿姨留样")
    assert row.sampler_reason == "王师傅请假，临时由李阿姨留样"
    with pytest.raises(ValidationError):  # the sample dialog: the same rule
        s.record_sample(b, {"weight_g": 150, "taken_at": at(day, 7, 0), "taken_by": c.new.id, "fridge": c.fridge})
    s.record_sample(b, {"weight_g": 150, "taken_at": at(day, 7, 0), "taken_by": c.cook.id, "fridge": c.fridge})


def test_disinfection_rules_and_void(staff):
    c, day = staff, staff.day
    clock.freeze(at(day, 13, 0))
    with pytest.raises(ValidationError) as e:
        hygiene.record_disinfection(day, "lunch", ["tableware"], "chemical", started_at=at(day, 12, 30),
                                    minutes=5, person=c.cook)
    assert "concentration" in e.value.errors
    with pytest.raises(ValidationError) as e:
        hygiene.record_disinfection(day, "lunch", [], "cabinet", started_at=at(day, 14, 30), minutes=0, person=None)
    assert {"items", "started_at", "minutes", "person"} <= set(e.value.errors)
    row = hygiene.record_disinfection(day, "lunch", ["sample_boxes", "tableware"], "chemical",
                                      started_at=at(day, 12, 30), minutes=5, person=c.cook,
                                      concentration="250 mg/L")
    [r] = hygiene.disinfections(day, day)
    assert r["items"] == "tableware,sample_boxes" and "250 mg/L" in r["method_label"]
    assert hygiene.disinfection_defaults()["method"] == "chemical"
    with pytest.raises(ValidationError):
        hygiene.void_disinfection(row.id, " ")
    hygiene.void_disinfection(row.id, "记错餐次")
    assert hygiene.disinfections(day, day) == []


def test_compliance_over_the_five_ledgers(staff):
    c, s, day = staff, staff.service, staff.day
    s.add_dishes(day, "lunch", ["红烧肉"])
    clock.freeze(at(day, 11, 30))
    s.quick_take(s.get_sample(s.day_lines(day, "lunch")[0]["id"]), weight_g=150)
    # the expired helper checked "fit" and working; the new worker not checked at all
    rows = [r for r in hygiene.morning_grid(day) if r["person_id"] != c.new.id]
    clock.freeze(at(day, 6, 40))
    hygiene.record_morning_checks(day, rows, checked_by=c.cook)
    clock.freeze(at(day, 22, 0))
    breaches = s.check(day, day)
    found = {b.kind: b for b in breaches}
    assert {b.meal for b in breaches if b.kind == "no_disinfection" and b.severity == "breach"} == {
        "breakfast", "lunch", "dinner"}
    assert "赵师傅" in found["morning_check_missing"].message
    assert found["health_cert"].person_id == c.helper.id and "2026-11-20" in found["health_cert"].message
    assert found["no_accompany"].severity == "reminder"
    if hygiene.deliveries_by_day(day, day) is not None:
        assert found["no_receiving"].severity == "reminder"
    # recorded: those findings go
    hygiene.record_disinfection(day, "lunch", ["tableware"], "steam", started_at=at(day, 12, 40), minutes=20,
                                person=c.cook)
    hygiene.record_accompany(day, "lunch", c.cook, {"dishes": "红烧肉", "quality": "好"})
    after = s.check(day, day)
    assert {b.meal for b in after if b.kind == "no_disinfection"} == {"breakfast", "dinner"}
    assert "no_accompany" not in {b.kind for b in after}
    report = s.period_report(day, day)
    assert report["ledgers"]["disinfections"] == 1 and report["ledgers"]["accompanied"] == 1
    assert report["ledgers"]["morning_check_days"] == 1
    picture = s.day_status(day).picture
    meals = {m["meal"]: m for m in picture["meals"]}
    assert meals["lunch"]["disinfected"] and not meals["dinner"]["disinfected"] and meals["lunch"]["sampled"] == 1
    assert picture["checked"] == 2 and picture["workers"] == 3 and picture["accompanied"]
    assert any("2/3" in line for line in s.picture_lines(picture))


def test_an_empty_period_certifies_nothing(staff):
    s = staff.service
    clock.freeze(at(staff.day, 22, 0))
    report = s.period_report(dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    assert report["days_checked"] == 0 and report["breaches"] == []
    assert all(not v for v in report["ledgers"].values())


def test_accompany_needs_leader_and_dishes(staff):
    c, day = staff, staff.day
    clock.freeze(at(day, 12, 30))
    with pytest.raises(ValidationError) as e:
        hygiene.record_accompany(day, "lunch", None, {})
    assert {"leader", "dishes"} <= set(e.value.errors)
    with pytest.raises(ValidationError):
        hygiene.record_accompany(day + dt.timedelta(days=1), "lunch", c.cook, {"dishes": "x"})
    row = hygiene.record_accompany(day, "lunch", c.cook, {"dishes": "红烧肉", "quantity": "偏少", "action": "已调整"})
    [r] = hygiene.accompanies(day, day)
    assert r["leader_name"] == c.cook.name and r["quantity"] == "偏少"
    hygiene.void_accompany(row.id, "重复登记")
    assert hygiene.accompanies(day, day) == []


def test_export_canteen_has_one_sheet_per_ledger(staff, tmp_path):
    from openpyxl import load_workbook

    from logistics_desk.modules.canteen import excel

    c, day = staff, staff.day
    clock.freeze(at(day, 13, 0))
    hygiene.record_disinfection(day, "lunch", ["tableware"], "cabinet", started_at=at(day, 12, 40), minutes=30,
                                person=c.cook)
    hygiene.record_morning_checks(day, hygiene.morning_grid(day), checked_by=c.cook)
    hygiene.record_accompany(day, "lunch", c.cook, {"dishes": "红烧肉"})
    path = tmp_path / "canteen.xlsx"
    counts = excel.export_canteen(path, day, day)
    wb = load_workbook(path)
    names = wb.sheetnames
    for title in ("Food sample log", "Fridge temperatures", "Tableware disinfection", "Morning check",
                  "Accompanied meals", "Compliance check"):
        assert title in names
    if hygiene.deliveries_by_day(day, day) is not None:
        assert "Receiving" in names
    assert counts["Morning check"] == 3 and counts["Tableware disinfection"] == 1
    rows = list(wb["Morning check"].iter_rows(values_only=True))
    assert any("赵师傅" in str(v) for r in rows for v in r)


def test_a_worker_is_expected_from_their_first_morning_check(staff):
    c, day = staff, staff.day
    before = day - dt.timedelta(days=7)
    clock.freeze(at(before, 6, 40))
    hygiene.record_morning_checks(before, [r for r in hygiene.morning_grid(before) if r["person_id"] != c.new.id])
    clock.freeze(at(day, 6, 40))
    hygiene.record_morning_checks(day, hygiene.morning_grid(day))  # 赵师傅 joined: checked from today
    clock.freeze(at(day, 22, 0))
    missing = [b for b in staff.service.check(before, day) if b.kind == "morning_check_missing"]
    # the days between nobody was checked: every worker but the newcomer; on the first day the
    # newcomer was not expected yet
    assert missing and all("赵师傅" not in b.message for b in missing)
    assert {b.day for b in missing} == {before + dt.timedelta(days=i) for i in range(1, 5)}


def test_cli_prints_each_log_and_exports_the_canteen(staff, db_path, tmp_path, capsys):
    import shutil
    import subprocess

    from openpyxl import load_workbook

    from logistics_desk import cli
    from logistics_desk.core import db, i18n

    c, day = staff, staff.day
    clock.freeze(at(day, 13, 0))
    hygiene.record_disinfection(day, "lunch", ["tableware"], "cabinet", started_at=at(day, 12, 40), minutes=30,
                                person=c.cook)
    hygiene.record_morning_checks(day, hygiene.morning_grid(day), checked_by=c.cook)
    hygiene.record_accompany(day, "lunch", c.cook, {"dishes": "红烧肉", "price": "合理"})
    db.close_database()  # the CLI opens the file itself
    try:
        outs = {}
        for form in ("disinfection-log", "morning-check", "accompany-log"):
            out = tmp_path / f"{form}.pdf"
            code = cli.main(["--db", str(db_path), "--lang", "en", "print", form, "--from", "2026-11-23", "--to",
                             "2026-11-23", "-o", str(out)])
            assert code == 0 and out.read_bytes().startswith(b"%PDF")
            outs[form] = out
        book = tmp_path / "canteen.xlsx"
        assert cli.main(["--db", str(db_path), "--lang", "en", "export", "canteen", str(book), "--from",
                         "2026-11-23", "--to", "2026-11-23"]) == 0
    finally:
        db.open_database(db_path, backup=False)
        i18n.set_language("en")
    assert "Traceback" not in "".join(capsys.readouterr())
    assert {"Tableware disinfection", "Morning check", "Accompanied meals"} <= set(load_workbook(book).sheetnames)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(outs["morning-check"]), "-"], capture_output=True,
                              text=True).stdout
        assert "赵师傅" in text and "JK-2025-002" in text and "(expired)" in text and "CJJL-20261123" in text
