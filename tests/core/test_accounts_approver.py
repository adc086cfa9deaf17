"""An approver logged in records an approval (and the request's move to approved), and may change nothing else."""

from __future__ import annotations

import pytest

from logistics_desk.core import accounts
from logistics_desk.core.accounts import NotAllowed
from logistics_desk.modules.purchases import service
from tests.modules.purchases.helpers import request_values, setup_master


@pytest.fixture(autouse=True)
def nobody_logged_in():
    accounts.logout()
    yield
    accounts.logout()


def test_an_approver_records_approvals_and_nothing_else(database):
    m = setup_master()
    req = service.create_request(request_values(m, lines=[
        {"name": "订书机", "model_spec": "得力0414", "quantity": 20, "unit": "个", "est_price": "25",
         "kind": "consumable"}]))
    service.submit(req)
    admin = accounts.turn_on("管理员", "admin-pass-1")
    accounts.set_session(accounts.Session(admin.id, admin.name, admin.role, None))
    accounts.create_account("李卫东", accounts.APPROVER, "approve-pass-1")
    accounts.logout()
    accounts.login("李卫东", "approve-pass-1")
    service.record_approval(req, level="Director of general affairs", approver="李卫东", decision="approved")
    assert service.get_request(req.id).status == "approved"
    with pytest.raises(NotAllowed):  # ordering is the clerk's work
        service.place_order(service.get_request(req.id), buyer="李卫东", supplier=m["suppliers"][3].id)
    assert service.get_request(req.id).status == "approved"
