#!/usr/bin/env python3
"""Generate the bundled demo dataset of motcua-report (standard library only).

    python3 src/demo/make_demo_data.py        # from the repository root (any cwd works)

Writes, always byte for byte the same (fixed seed, no clock, no set iteration):
    src/main/resources/demo/dossiers.csv
    src/main/resources/demo/transfers.csv

What the data guarantees (the script re-reads both files and asserts all of it before
exiting 0; a non-zero exit means the files must not be committed):

* Period 2021-02 with cutoff day 25 (S = 2021-01-26 .. E = 2021-02-25, calendar dates in
  Asia/Ho_Chi_Minh) gives exactly the seed report's table (bao-cao-thang-02-2021): per field
  total/resolved/on time/late/pending/not yet due/overdue, total 497, 467, 459, 8, 30, 29, 1.
  Columns (4) carried over and (5) new (by channel) are fixed too: see EXPECTED_SPLIT.
* Of the 8 dossiers resolved late in 2021-02 exactly 1 has an apology letter (apology_at after
  its due date). The single overdue pending dossier has none.
* On time in 2021-02 = 403 early + 46 finished on the due date + 5 without a due date
  + 3 withdrawn + 2 returned (1 withdrawn and 1 returned were finished after their due date:
  they still count on time).
* The 29 pending-not-yet-due in 2021-02 mix: due >= E and open (one due exactly on E);
  finished after E (one on 2021-02-26, one finished late in March with an apology dated in
  March that must not count for February); paused at E (one paused exactly from E, one
  whose pause ended 2021-02-26, open pauses); a closed pause that ended before E with
  due >= E; one without a due date.
* Out of scope for 2021-02: dossiers finished before 2021-01-26 (received in Dec 2020 / Jan
  2021, some finished exactly on 2021-01-25) and dossiers received 2021-02-26..2021-03-10
  (some received exactly on 2021-02-26). Period 2021-01 (2020-12-26..2021-01-25) is a complete,
  consistent period too (printed by the check). The data was "exported" on 2021-03-10:
  nothing happens after that day.
* Date formats: received_at / finished_at are local date-times "2021-02-03T08:15" except a
  few with "+07:00" (some with seconds), four with "Z" (all between 00:30Z and 10:00Z, so
  the Vietnam date equals the written date), and a few plain dates; due_at, paused_from,
  paused_until and apology_at are plain dates. Every offset keeps the Vietnam calendar date,
  so an importer that mishandled offsets would still get the same counts (a test for
  offset conversion needs its own row, e.g. 2021-02-25T20:00Z = 26/02 local).
* Row rules: unique codes; outcome set exactly when finished_at is set; received <= due;
  received <= finished; received <= paused_from <= paused_until <= finished; a paused_until
  left empty (still waiting) only on open dossiers; dossiers are received and finished on
  working days only (none during the Tet holiday 2021-02-10..16).
* Transfers dated 2021-01-26..2021-02-25: district->commune 25, district->province 1,
  commune->district 38, province->district 1; 7 more dated before 26/01 or after 25/02 that
  must not count. Codes starting "XA-" are dossiers of the commune system, not in the file.

Files: UTF-8 without BOM, LF line ends, RFC 4180 quoting (only fields containing commas).
"""
import csv
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

SEED = 20210226
ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "src" / "main" / "resources" / "demo"
DOSSIERS_CSV = OUT_DIR / "dossiers.csv"
TRANSFERS_CSV = OUT_DIR / "transfers.csv"

DOSSIER_HEADER = ["code", "field", "procedure", "channel", "received_at", "due_at",
                  "finished_at", "outcome", "paused_from", "paused_until", "apology_at"]
TRANSFER_HEADER = ["dossier_code", "from_level", "to_level", "sent_at"]

D = dt.date
S, E = D(2021, 1, 26), D(2021, 2, 25)          # period 2021-02, cutoff 25
JAN_S, JAN_E = D(2020, 12, 26), D(2021, 1, 25)  # period 2021-01, cutoff 25
DATA_END = D(2021, 3, 10)                       # export day: nothing happens after it
HOLIDAYS = {D(2021, 1, 1)} | {D(2021, 2, d) for d in range(10, 17)}  # New Year, Tet
UNIT = "000.00.21.H12"                          # the district centre's unit code

FIELDS = ["chung-thuc", "dat-dai", "moi-truong", "giao-duc-dao-tao", "thi-dua-khen-thuong",
          "ho-tich", "giao-dich-bao-dam", "ho-kinh-doanh", "hop-tac-xa", "bao-tro-xa-hoi",
          "hoat-dong-xay-dung", "chung-minh-nhan-dan", "nguoi-co-cong", "so-bhxh-the-bhyt",
          "che-do-bhxh", "tai-chinh-dau-tu", "dau-tu-xay-dung", "lien-thong-dkkd-hkd-htx"]

# (procedure name, processing time in working days, weight)
PROCEDURES = {
    "chung-thuc": [
        ("Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền "
         "của Việt Nam cấp hoặc chứng nhận", 0, 5),
        ("Chứng thực chữ ký trong các giấy tờ, văn bản", 0, 3),
        ("Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản", 0, 2)],
    "dat-dai": [
        ("Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các "
         "trường hợp chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho", 10, 40),
        ("Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn "
         "liền với đất", 7, 15),
        ("Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác "
         "gắn liền với đất lần đầu", 30, 10),
        ("Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền", 15, 10),
        ("Tách thửa hoặc hợp thửa đất", 15, 12),
        ("Cấp lại Giấy chứng nhận hoặc cấp lại Trang bổ sung của Giấy chứng nhận do bị mất",
         10, 5),
        ("Đính chính Giấy chứng nhận đã cấp", 10, 4),
        ("Xóa đăng ký cho thuê, cho thuê lại, góp vốn bằng quyền sử dụng đất", 3, 4)],
    "moi-truong": [
        ("Xác nhận đăng ký kế hoạch bảo vệ môi trường", 10, 3),
        ("Tham vấn ý kiến trong quá trình thực hiện đánh giá tác động môi trường", 10, 1)],
    "giao-duc-dao-tao": [
        ("Chuyển trường đối với học sinh trung học cơ sở", 3, 2),
        ("Cho phép trường mầm non hoạt động giáo dục", 15, 1)],
    "thi-dua-khen-thuong": [
        ("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện về thành tích thực hiện nhiệm "
         "vụ chính trị", 20, 2),
        ("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện về thành tích thi đua theo đợt "
         "hoặc chuyên đề", 20, 1)],
    "ho-tich": [
        ("Đăng ký khai sinh có yếu tố nước ngoài", 15, 2),
        ("Đăng ký kết hôn có yếu tố nước ngoài", 15, 2),
        ("Thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc", 3, 3)],
    "giao-dich-bao-dam": [
        ("Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 1, 10),
        ("Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 1, 7),
        ("Đăng ký thay đổi nội dung thế chấp quyền sử dụng đất, tài sản gắn liền với đất đã "
         "đăng ký", 1, 2),
        ("Đăng ký văn bản thông báo về việc xử lý tài sản thế chấp", 1, 1),
        ("Cung cấp thông tin về giao dịch bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với "
         "đất", 3, 1)],
    "ho-kinh-doanh": [
        ("Đăng ký thành lập hộ kinh doanh", 3, 4),
        ("Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", 3, 3),
        ("Tạm ngừng hoạt động hộ kinh doanh", 3, 1),
        ("Chấm dứt hoạt động hộ kinh doanh", 3, 1)],
    "hop-tac-xa": [
        ("Đăng ký thành lập hợp tác xã", 5, 1),
        ("Đăng ký thay đổi nội dung đăng ký hợp tác xã", 5, 1)],
    "bao-tro-xa-hoi": [
        ("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm "
         "sóc, nuôi dưỡng hàng tháng", 20, 10),
        ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", 5, 4),
        ("Chi trả trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng "
         "khi đối tượng thay đổi nơi cư trú trong cùng địa bàn huyện", 7, 2),
        ("Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", 12, 4)],
    "hoat-dong-xay-dung": [
        ("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", 15, 6),
        ("Cấp giấy phép sửa chữa, cải tạo đối với nhà ở riêng lẻ", 15, 2),
        ("Điều chỉnh giấy phép xây dựng đối với nhà ở riêng lẻ", 15, 1),
        ("Gia hạn giấy phép xây dựng", 5, 1)],
    "chung-minh-nhan-dan": [
        ("Cấp Chứng minh nhân dân (12 số)", 7, 5),
        ("Đổi Chứng minh nhân dân (12 số)", 7, 4),
        ("Cấp lại Chứng minh nhân dân (12 số)", 7, 2)],
    "nguoi-co-cong": [
        ("Giải quyết chế độ mai táng phí đối với cựu chiến binh", 10, 4),
        ("Giải quyết chế độ mai táng phí, trợ cấp tiền tuất khi người có công với cách mạng từ "
         "trần", 12, 4),
        ("Hỗ trợ người có công với cách mạng cải thiện nhà ở", 15, 1),
        ("Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", 10, 2)],
    "so-bhxh-the-bhyt": [
        ("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT", 5, 2),
        ("Cấp thẻ BHYT đối với người chỉ tham gia BHYT", 5, 1)],
    "che-do-bhxh": [
        ("Giải quyết hưởng BHXH một lần", 10, 2),
        ("Giải quyết hưởng chế độ tử tuất", 12, 1)],
    "tai-chinh-dau-tu": [
        ("Đăng ký mã số đơn vị có quan hệ với ngân sách", 2, 2),
        ("Thẩm tra, phê duyệt quyết toán vốn đầu tư dự án hoàn thành", 15, 2)],
    "dau-tu-xay-dung": [
        ("Thẩm định báo cáo kinh tế - kỹ thuật đầu tư xây dựng", 15, 1),
        ("Thẩm định thiết kế bản vẽ thi công, dự toán xây dựng", 15, 1)],
    "lien-thong-dkkd-hkd-htx": [
        ("Liên thông đăng ký thành lập hộ kinh doanh và đăng ký thuế", 3, 3),
        ("Liên thông đăng ký thay đổi nội dung đăng ký hộ kinh doanh và đăng ký thuế", 3, 2)],
}

# ---------------------------------------------------------------------------------------
# The plan for 2021-02. Per field: channels of the NEW dossiers (online, direct, postal),
# then (kind, carried?, count, options) groups. Kinds:
#   early, exact, nodue, late             resolved in the period (outcome resolved)
#   withdrawn, returned                   resolved in the period, F < D (or F = D)
#   withdrawn_late, returned_late         idem, finished after D (still on time)
#   p_due                                 open, D >= E
#   p_after                               finished after E, D >= E
#   p_paused                              D < E, paused at E
#   p_closed                              D >= E, closed pause ended before E, open
#   p_nodue                               open, no due date
#   p_overdue                             open, D < E, no pause
# ---------------------------------------------------------------------------------------
PLAN = [
    ("chung-thuc", (0, 3, 0), [("exact", 0, 2, {}), ("nodue", 0, 1, {})]),
    ("dat-dai", (24, 111, 7), [
        ("early", 1, 1, {"f": S}), ("early", 1, 19, {}), ("exact", 1, 2, {}),
        ("late", 1, 2, {}), ("withdrawn_late", 1, 1, {}),
        ("p_overdue", 1, 1, {}), ("p_paused", 1, 1, {}), ("p_due", 1, 1, {"proc": 2}),
        ("p_after", 1, 1, {}), ("p_closed", 1, 1, {}),
        ("early", 0, 112, {}), ("exact", 0, 8, {}), ("late", 0, 1, {}),
        ("withdrawn", 0, 1, {}), ("returned", 0, 1, {}),
        ("p_due", 0, 1, {"d": E}), ("p_due", 0, 8, {}),
        ("p_after", 0, 1, {"f": D(2021, 2, 26)}), ("p_after", 0, 1, {"late_march": True}),
        ("p_after", 0, 3, {}),
        ("p_paused", 0, 1, {"p1": E}), ("p_paused", 0, 1, {"p2": D(2021, 2, 26), "finish": True}),
        ("p_paused", 0, 1, {"p2": D(2021, 3, 4)}),
        ("p_closed", 0, 1, {}), ("p_nodue", 0, 1, {})]),
    ("moi-truong", (1, 1, 0), [("early", 0, 2, {})]),
    ("giao-duc-dao-tao", (0, 1, 0), [("early", 0, 1, {})]),
    ("thi-dua-khen-thuong", (0, 3, 0), [("early", 0, 3, {})]),
    ("ho-tich", (0, 3, 0), [("early", 0, 2, {}), ("exact", 0, 1, {})]),
    ("giao-dich-bao-dam", (28, 38, 0), [
        ("early", 0, 1, {"r": S}), ("early", 0, 3, {"r": D(2021, 2, 24)}),
        ("early", 0, 3, {"r": E}), ("early", 0, 44, {}),
        ("exact", 0, 1, {"f": E}), ("exact", 0, 12, {}), ("nodue", 0, 2, {})]),
    ("ho-kinh-doanh", (3, 6, 0), [("returned_late", 0, 1, {}), ("early", 0, 6, {}),
                                  ("exact", 0, 2, {})]),
    ("hop-tac-xa", (0, 1, 0), [("early", 0, 1, {})]),
    ("bao-tro-xa-hoi", (6, 55, 8), [
        ("early", 1, 1, {"r": D(2021, 1, 25)}), ("early", 1, 4, {}), ("exact", 1, 1, {}),
        ("late", 1, 1, {"apology": True}), ("late", 1, 2, {}), ("p_paused", 1, 1, {}),
        ("early", 0, 57, {}), ("exact", 0, 5, {}), ("late", 0, 1, {"f": E}),
        ("late", 0, 1, {}), ("p_due", 0, 4, {}), ("p_after", 0, 1, {})]),
    ("hoat-dong-xay-dung", (2, 8, 0), [
        ("withdrawn", 1, 1, {}), ("early", 1, 4, {}), ("early", 0, 8, {}), ("exact", 0, 2, {})]),
    ("chung-minh-nhan-dan", (0, 91, 0), [
        ("early", 0, 85, {}), ("exact", 0, 4, {}), ("nodue", 0, 2, {})]),
    ("nguoi-co-cong", (0, 22, 3), [
        ("early", 1, 2, {}), ("early", 0, 23, {}), ("exact", 0, 2, {})]),
    ("so-bhxh-the-bhyt", (1, 1, 0), [("early", 0, 2, {})]),
    ("che-do-bhxh", (0, 3, 1), [("early", 0, 3, {}), ("exact", 0, 1, {})]),
    ("tai-chinh-dau-tu", (1, 5, 0), [
        ("early", 1, 1, {}), ("early", 0, 1, {"proc": 1, "r": D(2021, 1, 27)}),
        ("early", 0, 4, {}), ("exact", 0, 1, {})]),
    ("dau-tu-xay-dung", (0, 2, 0), [("early", 0, 2, {})]),
    ("lien-thong-dkkd-hkd-htx", (6, 4, 0), [("early", 0, 8, {}), ("exact", 0, 2, {})]),
]

# Out of scope for 2021-02: finished before 26/01 ("jan" = finished in period 2021-01,
# "dec" = finished before 26/12/2020) and received after 25/02 ("after").
JAN_PLAN = [
    ("chung-thuc", "exact", 2, {}), ("dat-dai", "early", 1, {"f": JAN_E, "fmt_f": "offset"}),
    ("dat-dai", "early", 7, {}), ("dat-dai", "exact", 1, {}), ("dat-dai", "late", 1, {}),
    ("dat-dai", "late", 1, {"apology": True}), ("dat-dai", "withdrawn", 1, {}),
    ("giao-dich-bao-dam", "exact", 1, {"f": JAN_E}), ("giao-dich-bao-dam", "early", 6, {}),
    ("giao-dich-bao-dam", "exact", 1, {}), ("chung-minh-nhan-dan", "early", 6, {}),
    ("bao-tro-xa-hoi", "early", 3, {}), ("bao-tro-xa-hoi", "late", 1, {}),
    ("ho-tich", "early", 1, {}), ("ho-kinh-doanh", "early", 2, {}),
    ("hoat-dong-xay-dung", "early", 2, {}), ("nguoi-co-cong", "early", 2, {}),
    ("lien-thong-dkkd-hkd-htx", "early", 2, {}), ("tai-chinh-dau-tu", "early", 1, {}),
]
DEC_PLAN = [("dat-dai", 2), ("giao-dich-bao-dam", 1), ("chung-minh-nhan-dan", 1),
            ("bao-tro-xa-hoi", 1)]
AFTER_PLAN = [("dat-dai", 8), ("giao-dich-bao-dam", 6), ("chung-minh-nhan-dan", 6),
              ("bao-tro-xa-hoi", 4), ("chung-thuc", 1), ("ho-kinh-doanh", 2),
              ("nguoi-co-cong", 1), ("lien-thong-dkkd-hkd-htx", 2)]

# Channel weights (online, direct, postal) for dossiers whose channel is not in the plan.
CHANNEL_WEIGHTS = {"giao-dich-bao-dam": (4, 6, 0), "lien-thong-dkkd-hkd-htx": (6, 4, 0),
                   "chung-minh-nhan-dan": (0, 1, 0), "bao-tro-xa-hoi": (1, 8, 1),
                   "dat-dai": (2, 8, 1)}

# ------------------------------------------------------------------ expected results
REQUIRED = {  # total, resolved, on time (early incl.), late, pending, not yet due, overdue
    "chung-thuc": (3, 3, 3, 0, 0, 0, 0), "dat-dai": (172, 148, 145, 3, 24, 23, 1),
    "moi-truong": (2, 2, 2, 0, 0, 0, 0), "giao-duc-dao-tao": (1, 1, 1, 0, 0, 0, 0),
    "thi-dua-khen-thuong": (3, 3, 3, 0, 0, 0, 0), "ho-tich": (3, 3, 3, 0, 0, 0, 0),
    "giao-dich-bao-dam": (66, 66, 66, 0, 0, 0, 0), "ho-kinh-doanh": (9, 9, 9, 0, 0, 0, 0),
    "hop-tac-xa": (1, 1, 1, 0, 0, 0, 0), "bao-tro-xa-hoi": (79, 73, 68, 5, 6, 6, 0),
    "hoat-dong-xay-dung": (15, 15, 15, 0, 0, 0, 0),
    "chung-minh-nhan-dan": (91, 91, 91, 0, 0, 0, 0), "nguoi-co-cong": (27, 27, 27, 0, 0, 0, 0),
    "so-bhxh-the-bhyt": (2, 2, 2, 0, 0, 0, 0), "che-do-bhxh": (4, 4, 4, 0, 0, 0, 0),
    "tai-chinh-dau-tu": (7, 7, 7, 0, 0, 0, 0), "dau-tu-xay-dung": (2, 2, 2, 0, 0, 0, 0),
    "lien-thong-dkkd-hkd-htx": (10, 10, 10, 0, 0, 0, 0),
}
REQUIRED_TOTAL = (497, 467, 459, 8, 30, 29, 1)
REQUIRED_TRANSFERS = {("district", "commune"): 25, ("district", "province"): 1,
                      ("commune", "district"): 38, ("province", "district"): 1}
EXPECTED_ON_TIME_MIX = {"early": 403, "exact": 46, "nodue": 5, "withdrawn": 3, "returned": 2}


def expected_split():
    """(carried over, new online, new direct, new postal) per field, from the plan."""
    out = {}
    for field, (on, di, po), groups in PLAN:
        out[field] = (sum(n for _, c, n, _ in groups if c), on, di, po)
    return out


EXPECTED_SPLIT = expected_split()

# ------------------------------------------------------------------ calendar helpers
ONE = dt.timedelta(days=1)


def is_wd(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def wdays(lo, hi):
    out, d = [], lo
    while d <= hi:
        if is_wd(d):
            out.append(d)
        d += ONE
    return out


def add_wd(d, n):
    while n > 0:
        d += ONE
        if is_wd(d):
            n -= 1
    return d


def left(d, end):
    """Working days after d up to end (0 if d >= end)."""
    return len(wdays(d + ONE, end))


class Gen:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.rows = []

    # -- small helpers
    def proc(self, field, index=None):
        procs = PROCEDURES[field]
        if index is not None:
            return procs[index][0], procs[index][1]
        name, dur, _ = self.rng.choices(procs, weights=[p[2] for p in procs])[0]
        return name, dur

    def channel(self, field):
        w = CHANNEL_WEIGHTS.get(field, (2, 8, 0))
        return self.rng.choices(["online", "direct", "postal"], weights=w)[0]

    def t_recv(self, day):
        minutes = self.rng.randrange(7 * 60 + 30, 16 * 60 + 45, 5)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    def t_fin(self, day, after=None):
        lo = 7 * 60 + 45
        if after is not None and after.date() == day:
            lo = after.hour * 60 + after.minute + 20
        lo = min(lo, 17 * 60)
        minutes = self.rng.randrange(lo, max(lo + 5, 17 * 60 + 5), 5)
        return dt.datetime.combine(day, dt.time(minutes // 60, minutes % 60))

    def closed_pause(self, r_day, last_day, p2_before=None):
        """A pause [P1, P2] with r_day <= P1 < P2 <= last_day (< p2_before), or None."""
        days = wdays(r_day, last_day)
        if p2_before is not None:
            days = [d for d in days if d < p2_before]
        if len(days) < 3:
            return None
        i = self.rng.randrange(0, len(days) - 2)
        j = self.rng.randrange(i + 1, min(len(days), i + 6))
        return days[i], days[j]

    def add(self, **kw):
        row = dict(field=None, procedure=None, channel=None, R=None, D=None, F=None,
                   outcome="", P1=None, P2=None, apology=None, fmt_r="local", fmt_f="local",
                   kind=None, scope=None)
        row.update(kw)
        self.rows.append(row)
        return row

    # -- one dossier of the 2021-02 plan
    def feb(self, field, kind, carried, channel, opt):
        rng = self.rng
        for _ in range(20000):
            pname, dur = self.proc(field, opt.get("proc"))
            if "r" in opt:
                r_day = opt["r"]
            elif carried:
                r_day = rng.choice(wdays(D(2020, 12, 7), S - ONE))
            else:
                # receipt days on which this kind can still happen within the period, so
                # that receipts spread over the period instead of piling up at its start
                need = {"early": dur // 3, "withdrawn": dur // 3, "returned": dur // 3,
                        "exact": dur, "late": dur + 1, "withdrawn_late": dur + 1,
                        "returned_late": dur + 1}.get(kind, 0)
                days = [d for d in wdays(S, E) if add_wd(d, need) <= E]
                if not days:
                    continue
                r_day = rng.choice(days)
            due = add_wd(r_day, dur)
            F = P1 = P2 = apology = None
            outcome = ""
            if kind in ("early", "exact", "nodue", "late", "withdrawn", "returned",
                        "withdrawn_late", "returned_late"):
                if kind == "early" or kind in ("withdrawn", "returned"):
                    if dur == 0:
                        continue
                    hi = min(dur - 1, left(r_day, E))
                    if hi < dur // 3:
                        continue
                    f_day = opt.get("f") or add_wd(r_day, rng.randint(dur // 3, hi))
                    if not (f_day < due):
                        continue
                elif kind == "exact":
                    f_day = due
                    if "f" in opt and f_day != opt["f"]:
                        continue
                elif kind == "nodue":
                    due = None
                    f_day = add_wd(r_day, rng.randint(0, min(3, max(dur - 1, 0), left(r_day, E))))
                else:  # late, withdrawn_late, returned_late
                    if left(due, E) < 1:
                        continue
                    f_day = opt.get("f") or add_wd(due, rng.randint(1, min(6, left(due, E))))
                    if not (f_day > due):
                        continue
                if not (S <= f_day <= E and f_day >= r_day):
                    continue
                if f_day == E and "f" not in opt and rng.random() < 0.8:
                    continue  # otherwise the bounded draws pile finishes up on the cutoff day
                outcome = {"withdrawn": "withdrawn", "withdrawn_late": "withdrawn",
                           "returned": "returned", "returned_late": "returned"}.get(kind, "resolved")
                if kind == "late" and opt.get("apology"):
                    # dated inside the period too, so no reading of the rule can miss it
                    days = wdays(max(due + ONE, S), f_day)
                    if not days:
                        continue
                    apology = days[0]
                if (field in ("dat-dai", "bao-tro-xa-hoi", "hoat-dong-xay-dung")
                        and kind in ("early", "exact") and rng.random() < 0.12):
                    pause = self.closed_pause(r_day, f_day)
                    if pause:
                        P1, P2 = pause
                R = self.t_recv(r_day)
                F = self.t_fin(f_day, R)
            else:  # pending in 2021-02
                if r_day > E:
                    continue
                if kind == "p_due":
                    if not (due >= E) or ("d" in opt and due != opt["d"]):
                        continue
                elif kind == "p_after":
                    if not (due >= E):
                        continue
                    if opt.get("late_march"):
                        if due > D(2021, 3, 3):
                            continue
                        f_day = add_wd(due, rng.randint(1, 3))
                    else:
                        f_day = opt.get("f") or rng.choice(wdays(E + ONE, DATA_END))
                        if f_day > due:
                            continue
                    if f_day > DATA_END:
                        continue
                    outcome = "resolved"
                    if opt.get("late_march"):
                        apology = add_wd(due, 1)
                    R = self.t_recv(r_day)
                    F = self.t_fin(f_day, R)
                elif kind == "p_paused":
                    if not (due < E):
                        continue
                    if "p1" in opt:
                        P1 = opt["p1"]
                    else:
                        cand = wdays(max(r_day, due - dt.timedelta(days=12)), min(due, E))
                        if not cand:
                            continue
                        P1 = rng.choice(cand)
                    if P1 < r_day:
                        continue
                    if "p2" in opt:
                        P2 = opt["p2"]
                        if opt.get("finish"):
                            f_day = add_wd(P2, rng.randint(1, 4))
                            outcome = "resolved"
                elif kind == "p_closed":
                    if not (due >= E):
                        continue
                    pause = self.closed_pause(r_day, E, p2_before=E)
                    if not pause:
                        continue
                    P1, P2 = pause
                elif kind == "p_nodue":
                    due = None
                elif kind == "p_overdue":
                    if not (S + dt.timedelta(days=14) <= due < E):
                        continue
                else:
                    raise ValueError(kind)
                if F is None:
                    R = self.t_recv(r_day)
                    if outcome:
                        F = self.t_fin(f_day, R)
            return self.add(field=field, procedure=pname, channel=channel, R=R, D=due, F=F,
                            outcome=outcome, P1=P1, P2=P2, apology=apology, kind=kind,
                            carried=bool(carried), scope="feb")
        raise RuntimeError(f"cannot place {field} {kind} {opt}")

    def jan(self, field, kind, opt):
        rng = self.rng
        for _ in range(20000):
            pname, dur = self.proc(field)
            r_day = rng.choice(wdays(D(2020, 12, 14), JAN_E))
            due = add_wd(r_day, dur)
            if kind == "early" or kind == "withdrawn":
                hi = min(dur - 1, left(r_day, JAN_E))
                if hi < dur // 3:
                    continue
                f_day = opt.get("f") or add_wd(r_day, rng.randint(dur // 3, hi))
                if not f_day < due:
                    continue
            elif kind == "exact":
                f_day = due
                if "f" in opt and f_day != opt["f"]:
                    continue
            else:
                f_day = add_wd(due, rng.randint(1, 4))
            if not (JAN_S <= f_day <= JAN_E and f_day >= r_day):
                continue
            R = self.t_recv(r_day)
            apology = add_wd(due, 1) if opt.get("apology") else None
            return self.add(field=field, procedure=pname, channel=self.channel(field), R=R,
                            D=due, F=self.t_fin(f_day, R),
                            outcome="withdrawn" if kind == "withdrawn" else "resolved",
                            apology=apology, kind=kind, fmt_f=opt.get("fmt_f", "local"),
                            carried=False, scope="jan")
        raise RuntimeError(f"cannot place jan {field} {kind}")

    def dec(self, field):
        rng = self.rng
        for _ in range(20000):
            pname, dur = self.proc(field)
            r_day = rng.choice(wdays(D(2020, 12, 1), D(2020, 12, 18)))
            due = add_wd(r_day, dur)
            f_day = add_wd(r_day, rng.randint(dur // 3, max(dur // 3, dur - 1)))
            if f_day >= JAN_S or (dur and f_day >= due):
                continue
            R = self.t_recv(r_day)
            return self.add(field=field, procedure=pname, channel=self.channel(field), R=R,
                            D=due, F=self.t_fin(f_day, R), outcome="resolved", kind="early",
                            carried=False, scope="dec")
        raise RuntimeError("cannot place dec")

    def after(self, field, r_day=None, fmt_r="local"):
        rng = self.rng
        pname, dur = self.proc(field)
        r_day = r_day or rng.choice(wdays(E + ONE, DATA_END))
        due = add_wd(r_day, dur)
        R = self.t_recv(r_day)
        F, outcome = None, ""
        f_day = add_wd(r_day, rng.randint(dur // 3, max(dur // 3, dur - 1)) if dur else 0)
        if f_day <= DATA_END and rng.random() < 0.75:
            F, outcome = self.t_fin(f_day, R), "resolved"
        return self.add(field=field, procedure=pname, channel=self.channel(field), R=R, D=due,
                        F=F, outcome=outcome, fmt_r=fmt_r, kind="after", carried=False,
                        scope="after")

    # -- everything
    def build(self):
        rng = self.rng
        for field, (on, di, po), groups in PLAN:
            channels = ["online"] * on + ["direct"] * di + ["postal"] * po
            rng.shuffle(channels)
            for kind, carried, n, opt in groups:
                for _ in range(n):
                    ch = self.channel(field) if carried else channels.pop()
                    self.feb(field, kind, carried, ch, opt)
            assert not channels, field
        for field, kind, n, opt in JAN_PLAN:
            for _ in range(n):
                self.jan(field, kind, opt)
        for field, n in DEC_PLAN:
            for _ in range(n):
                self.dec(field)
        self.after("dat-dai", D(2021, 2, 26), "offset")
        self.after("giao-dich-bao-dam", D(2021, 2, 26), "z")
        for field, n in AFTER_PLAN:
            for _ in range(n - (1 if field in ("dat-dai", "giao-dich-bao-dam") else 0)):
                self.after(field)
        self.pick_formats()
        self.assign_codes()
        return self.rows

    def pick_formats(self):
        rng = self.rng
        feb = [r for r in self.rows if r["scope"] == "feb"]
        online = [r for r in feb if r["channel"] == "online" and r["fmt_r"] == "local"]
        for r in rng.sample(online, 12):
            r["fmt_r"] = "offset_s" if rng.random() < 0.5 else "offset"
        plain = [r for r in feb if r["fmt_r"] == "local"]
        for r in rng.sample(plain, 2):
            r["fmt_r"] = "z"
        carried = [r for r in feb if r["carried"] and r["fmt_r"] == "local"]
        rng.choice(carried)["fmt_r"] = "date"
        finished = [r for r in feb if r["F"] is not None and r["fmt_f"] == "local"
                    and r["F"].date() != r["R"].date()]
        picks = rng.sample(finished, 5)
        picks[0]["fmt_f"] = "z"
        picks[1]["fmt_f"] = picks[2]["fmt_f"] = "offset"
        picks[3]["fmt_f"] = picks[4]["fmt_f"] = "date"

    def assign_codes(self):
        self.rows.sort(key=lambda r: (r["R"], FIELDS.index(r["field"]), r["procedure"]))
        seq = Counter()
        for r in self.rows:
            day = r["R"].date()
            seq[day] += 1
            r["code"] = f"{UNIT}-{day:%y%m%d}-{seq[day]:04d}"

    # -- transfers
    def transfers(self):
        rng = self.rng
        out = []

        def stamp(day, after=None, fmt="dt"):
            if fmt == "date":
                return day.isoformat()
            t = self.t_fin(day, after)
            if fmt == "offset":
                return t.strftime("%Y-%m-%dT%H:%M+07:00")
            if fmt == "z":
                return (t - dt.timedelta(hours=7)).strftime("%Y-%m-%dT%H:%MZ")
            return t.strftime("%Y-%m-%dT%H:%M")

        feb_done = [r for r in self.rows if r["scope"] == "feb" and r["F"] is not None
                    and S <= r["F"].date() <= E and r["outcome"] == "resolved"]
        # district -> commune: results sent back to the commune for delivery (25)
        pool = {f: [r for r in feb_done if r["field"] == f]
                for f in ("bao-tro-xa-hoi", "nguoi-co-cong", "ho-tich", "dat-dai")}
        chosen = (rng.sample(pool["bao-tro-xa-hoi"], 12) + rng.sample(pool["nguoi-co-cong"], 8)
                  + rng.sample(pool["ho-tich"], 2) + rng.sample(pool["dat-dai"], 3))
        for i, r in enumerate(chosen):
            fmt = "date" if i % 6 == 5 else "dt"
            out.append((r["code"], "district", "commune", stamp(r["F"].date(), r["F"], fmt)))
        last = [r for r in pool["bao-tro-xa-hoi"] if r["F"].date() == E and r not in chosen]
        if last:  # edge: the period's last day, with an offset
            out.append((last[0]["code"], "district", "commune",
                        stamp(E, last[0]["F"], "offset")))
            out.pop(0)
        # district -> province and back (1 + 1): a capital investment settlement
        inv = [r for r in feb_done if r["field"] == "tai-chinh-dau-tu"
               and (r["F"].date() - r["R"].date()).days >= 9 and r["R"].date() >= S]
        r = inv[0]
        days = wdays(r["R"].date(), r["F"].date())
        out.append((r["code"], "district", "province", stamp(days[1], None, "dt")))
        out.append((r["code"], "province", "district", stamp(days[-2], None, "z")))
        # commune -> district: 20 dossiers of the file received at the commune, 18 others
        feb_new = [r for r in self.rows if r["scope"] == "feb" and not r["carried"]
                   and r["field"] in ("bao-tro-xa-hoi", "nguoi-co-cong")
                   and r["R"].date() > S + ONE and r["channel"] == "direct"]
        for r in rng.sample(feb_new, 20):
            prev = [d for d in wdays(S, r["R"].date()) if d < r["R"].date()][-1]
            out.append((r["code"], "commune", "district", stamp(prev, None, "dt")))
        xa_days = wdays(S, E)
        xa_seq = Counter()
        for i in range(18):
            day = S if i == 0 else rng.choice(xa_days)
            commune = rng.randint(1, 19)
            xa_seq[(commune, day)] += 1
            code = f"XA-{commune:02d}-{day:%y%m%d}-{xa_seq[(commune, day)]:04d}"
            out.append((code, "commune", "district", stamp(day, None, "date" if i % 3 else "dt")))
        # outside the period: must not count
        jan_done = [r for r in self.rows if r["scope"] == "jan"]
        after = [r for r in self.rows if r["scope"] == "after"]
        btxh_jan = [r for r in jan_done if r["field"] == "bao-tro-xa-hoi"][0]
        out.append((btxh_jan["code"], "district", "commune",
                    stamp(btxh_jan["F"].date(), btxh_jan["F"], "dt")))
        out.append(("XA-04-210112-0001", "commune", "district", "2021-01-12"))
        out.append(("XA-11-210125-0002", "commune", "district", "2021-01-25T16:40+07:00"))
        late_feb = [r for r in self.rows if r["scope"] == "feb" and r["F"] is not None
                    and r["F"].date() == D(2021, 2, 26)][0]
        out.append((late_feb["code"], "district", "commune",
                    stamp(late_feb["F"].date(), late_feb["F"], "dt")))
        out.append(("XA-07-210302-0001", "commune", "district", "2021-03-02"))
        dd = [r for r in after if r["field"] == "dat-dai" and r["R"].date() <= D(2021, 3, 5)][0]
        out.append((dd["code"], "district", "province", stamp(add_wd(dd["R"].date(), 2))))
        done_after = [r for r in after if r["F"] is not None][0]
        out.append((done_after["code"], "district", "commune",
                    stamp(done_after["F"].date(), done_after["F"], "dt")))

        def key(t):
            return (t[3][:10], t[3], t[0])
        out.sort(key=key)
        return out


# ------------------------------------------------------------------ writing
def fmt_dt(value, fmt):
    if value is None:
        return ""
    if fmt == "local":
        return value.strftime("%Y-%m-%dT%H:%M")
    if fmt == "offset":
        return value.strftime("%Y-%m-%dT%H:%M+07:00")
    if fmt == "offset_s":
        sec = (value.minute * 7 + value.hour * 13) % 60
        return value.strftime("%Y-%m-%dT%H:%M") + f":{sec:02d}+07:00"
    if fmt == "z":
        utc = value - dt.timedelta(hours=7)
        assert utc.date() == value.date()
        return utc.strftime("%Y-%m-%dT%H:%MZ")
    if fmt == "date":
        return value.date().isoformat()
    raise ValueError(fmt)


def fmt_d(value):
    return value.isoformat() if value else ""


def write(rows, transfers):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with open(DOSSIERS_CSV, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(DOSSIER_HEADER)
        for r in rows:
            w.writerow([r["code"], r["field"], r["procedure"], r["channel"],
                        fmt_dt(r["R"], r["fmt_r"]), fmt_d(r["D"]), fmt_dt(r["F"], r["fmt_f"]),
                        r["outcome"], fmt_d(r["P1"]), fmt_d(r["P2"]), fmt_d(r["apology"])])
    with open(TRANSFERS_CSV, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(TRANSFER_HEADER)
        w.writerows(transfers)


# ------------------------------------------------------------------ independent check
# Re-reads the written files and applies the domain rules from scratch (nothing above
# is used but the file paths and the expected numbers).
VN = dt.timezone(dt.timedelta(hours=7))


def vn_date(text):
    """Calendar date in Asia/Ho_Chi_Minh of an ISO date or date-time (offset optional)."""
    if not text:
        return None
    if len(text) == 10:
        return dt.date.fromisoformat(text)
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(VN)
    return value.date()


def vn_datetime(text):
    if len(text) == 10:
        return None
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is not None:
        value = value.astimezone(VN).replace(tzinfo=None)
    return value


def plain_date(text):
    if not text:
        return None
    assert len(text) == 10, text
    return dt.date.fromisoformat(text)


def read_dossiers():
    with open(DOSSIERS_CSV, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    assert not raw.startswith("\ufeff") and "\r" not in raw
    rows = list(csv.reader(raw.splitlines(keepends=True)))
    assert rows[0] == DOSSIER_HEADER, rows[0]
    out, codes = [], set()
    for n, row in enumerate(rows[1:], start=2):
        assert len(row) == len(DOSSIER_HEADER), (n, row)
        rec = dict(zip(DOSSIER_HEADER, row))
        c = rec["code"]
        assert c and c not in codes and c == c.strip(), (n, c)
        codes.add(c)
        assert rec["field"] in FIELDS, (c, rec["field"])
        assert rec["procedure"].strip(), c
        assert rec["channel"] in ("direct", "online", "postal"), c
        R = vn_date(rec["received_at"])
        Dd = plain_date(rec["due_at"])
        F = vn_date(rec["finished_at"])
        P1, P2, A = (plain_date(rec[k]) for k in ("paused_from", "paused_until", "apology_at"))
        assert R is not None, c
        assert (F is None) == (rec["outcome"] == ""), c
        assert rec["outcome"] in ("", "resolved", "withdrawn", "returned"), c
        assert Dd is None or R <= Dd, c
        assert F is None or R <= F, c
        rdt, fdt = vn_datetime(rec["received_at"]), vn_datetime(rec["finished_at"] or "x" * 10)
        assert rdt is None or fdt is None or rdt <= fdt, c
        if P2 is not None:
            assert P1 is not None and P1 <= P2, c
        if P1 is not None:
            assert R <= P1, c
            if F is not None:
                assert P2 is not None and P2 <= F, c
        if A is not None:
            assert R <= A, c
        for d in (R, F, P1, P2, A):  # the export day; a due date may lie after it
            assert d is None or d <= DATA_END, c
        if "Z" in rec["received_at"] + rec["finished_at"] or "+" in rec["received_at"] + rec["finished_at"]:
            for k in ("received_at", "finished_at"):
                if rec[k]:
                    assert vn_date(rec[k]) == dt.date.fromisoformat(rec[k][:10]), c
        out.append(dict(code=c, field=rec["field"], channel=rec["channel"], R=R, D=Dd, F=F,
                        outcome=rec["outcome"], P1=P1, P2=P2, A=A, raw=rec))
    return out


def classify(d, s, e):
    """None if out of period, else (carried, resolved, on_time, late, pending, nyd, overdue)."""
    if d["R"] > e or (d["F"] is not None and d["F"] < s):
        return None
    carried = d["R"] < s
    if d["F"] is not None and d["F"] <= e:
        if d["outcome"] in ("withdrawn", "returned") or d["D"] is None or d["F"] <= d["D"]:
            return carried, 1, 1, 0, 0, 0, 0
        return carried, 1, 0, 1, 0, 0, 0
    paused = d["P1"] is not None and d["P1"] <= e and (d["P2"] is None or d["P2"] > e)
    if d["D"] is None or d["D"] >= e or paused:
        return carried, 0, 0, 0, 1, 1, 0
    return carried, 0, 0, 0, 1, 0, 1


def table(dossiers, s, e):
    rows = {f: [0] * 11 for f in FIELDS}  # total, carried, online, direct, postal, res..overdue
    for d in dossiers:
        c = classify(d, s, e)
        if c is None:
            continue
        t = rows[d["field"]]
        t[0] += 1
        if c[0]:
            t[1] += 1
        else:
            t[2 + ["online", "direct", "postal"].index(d["channel"])] += 1
        for i in range(6):
            t[5 + i] += c[1 + i]
    total = [sum(rows[f][i] for f in FIELDS) for i in range(11)]
    for t in list(rows.values()) + [total]:
        assert t[0] == sum(t[1:5]) == t[5] + t[8], t
        assert t[5] == t[6] + t[7] and t[8] == t[9] + t[10], t
    return rows, total


def print_table(title, rows, total):
    print(title)
    print(f"{'':3} {'field':25} {'(3)':>4} {'(4)':>4} {'(5)':>4} {'onl':>4} {'dir':>4} "
          f"{'pos':>4} {'(6)':>4} {'(7)':>4} {'(8)':>4} {'(9)':>4} {'(10)':>4} {'(11)':>4}")
    for i, f in enumerate(FIELDS, start=1):
        t = rows[f]
        print(f"{i:3} {f:25} {t[0]:4} {t[1]:4} {sum(t[2:5]):4} {t[2]:4} {t[3]:4} {t[4]:4} "
              + " ".join(f"{x:4}" for x in t[5:]))
    t = total
    print(f"{'':3} {'TOTAL':25} {t[0]:4} {t[1]:4} {sum(t[2:5]):4} {t[2]:4} {t[3]:4} {t[4]:4} "
          + " ".join(f"{x:4}" for x in t[5:]))
    print()


def check():
    dossiers = read_dossiers()
    rows, total = table(dossiers, S, E)
    print_table("Period 2021-02 (2021-01-26..2021-02-25), cutoff 25:", rows, total)
    for f in FIELDS:
        t = rows[f]
        got = (t[0], t[5], t[6], t[7], t[8], t[9], t[10])
        assert got == REQUIRED[f], (f, got, REQUIRED[f])
        assert (t[1], t[2], t[3], t[4]) == EXPECTED_SPLIT[f], (f, t[1:5], EXPECTED_SPLIT[f])
    assert (total[0], *total[5:]) == REQUIRED_TOTAL, total

    inp = [d for d in dossiers if classify(d, S, E) is not None]
    res = [d for d in inp if d["F"] is not None and d["F"] <= E]
    late = [d for d in res if classify(d, S, E)[3]]
    assert len(late) == 8
    with_apology = [d for d in late if d["A"] is not None]
    assert len(with_apology) == 1 and with_apology[0]["A"] > with_apology[0]["D"]
    overdue = [d for d in inp if classify(d, S, E)[6]]
    assert len(overdue) == 1 and overdue[0]["A"] is None and overdue[0]["P1"] is None
    assert overdue[0]["F"] is None
    mix = Counter()
    for d in res:
        if classify(d, S, E)[2]:
            if d["outcome"] != "resolved":
                mix[d["outcome"]] += 1
            elif d["D"] is None:
                mix["nodue"] += 1
            elif d["F"] < d["D"]:
                mix["early"] += 1
            else:
                mix["exact"] += 1
    assert dict(mix) == EXPECTED_ON_TIME_MIX, mix
    wr_after_due = [d for d in res if d["outcome"] != "resolved" and d["F"] > d["D"]]
    assert len(wr_after_due) == 2
    nyd = [d for d in inp if classify(d, S, E)[5]]
    nyd_kinds = Counter()
    for d in nyd:
        paused = d["P1"] is not None and d["P1"] <= E and (d["P2"] is None or d["P2"] > E)
        if d["F"] is not None:
            nyd_kinds["finished after E"] += 1
        if paused and d["D"] is not None and d["D"] < E:
            nyd_kinds["due < E, paused at E"] += 1
        if d["D"] is None:
            nyd_kinds["no due date"] += 1
        elif d["D"] >= E and d["F"] is None:
            nyd_kinds["due >= E, open"] += 1
        if d["P2"] is not None and d["P2"] < E and d["D"] is not None and d["D"] >= E:
            nyd_kinds["closed pause before E, due >= E"] += 1
    assert nyd_kinds["finished after E"] >= 2 and nyd_kinds["due < E, paused at E"] >= 2
    assert nyd_kinds["closed pause before E, due >= E"] >= 1 and nyd_kinds["no due date"] >= 1
    assert any(d["D"] == E for d in nyd) and any(d["P1"] == E for d in nyd)
    assert any(d["F"] == D(2021, 2, 26) for d in nyd)

    # the scope filter matters
    before = [d for d in dossiers if d["F"] is not None and d["F"] < S]
    after = [d for d in dossiers if d["R"] > E]
    assert 40 <= len(before) <= 60 and 25 <= len(after) <= 40, (len(before), len(after))
    assert sum(d["F"] == S - ONE for d in before) >= 1
    assert sum(d["R"] == E + ONE for d in after) >= 1
    assert all(is_wd(d["R"]) and (d["F"] is None or is_wd(d["F"])) for d in dossiers)
    assert not any(D(2021, 2, 10) <= d["R"] <= D(2021, 2, 16) for d in dossiers)

    jan_rows, jan_total = table(dossiers, JAN_S, JAN_E)
    print_table("Period 2021-01 (2020-12-26..2021-01-25), cutoff 25 (identities checked):",
                jan_rows, jan_total)

    # transfers
    codes = {d["code"]: d for d in dossiers}
    with open(TRANSFERS_CSV, encoding="utf-8", newline="") as fh:
        raw = fh.read()
    assert not raw.startswith("\ufeff") and "\r" not in raw
    trows = list(csv.reader(raw.splitlines(keepends=True)))
    assert trows[0] == TRANSFER_HEADER
    levels = ("commune", "district", "province")
    counted, outside = Counter(), 0
    for row in trows[1:]:
        assert len(row) == 4, row
        code, frm, to, sent = row
        assert frm in levels and to in levels and abs(levels.index(frm) - levels.index(to)) == 1
        day = vn_date(sent)
        assert day == dt.date.fromisoformat(sent[:10])
        if code in codes:
            assert codes[code]["R"] <= day or frm == "commune", row
            assert codes[code]["R"] >= day or frm != "commune", row
        else:
            assert code.startswith("XA-") and frm == "commune", row
        if S <= day <= E:
            counted[(frm, to)] += 1
        else:
            outside += 1
    assert dict(counted) == REQUIRED_TRANSFERS, counted
    assert outside >= 5
    print("Transfers 2021-02:", ", ".join(f"{a}->{b} {n}" for (a, b), n in counted.items()),
          f"(+{outside} outside the period)")

    # report figures for the lead
    print(f"\nRows: dossiers.csv {len(dossiers)}, transfers.csv {len(trows) - 1}; "
          f"finished before 2021-01-26: {len(before)}; received after 2021-02-25: {len(after)}")
    print("On time 2021-02:", dict(mix), "(withdrawn/returned finished after due:",
          [d["code"] for d in wr_after_due], ")")
    print("Not yet due 2021-02 (overlapping kinds):", dict(nyd_kinds))
    print("Late 2021-02:")
    for d in late:
        print(f"  {d['code']} {d['field']:15} R={d['R']} D={d['D']} F={d['F']} "
              f"{'carried' if d['R'] < S else 'new'}"
              + (f" apology_at={d['A']}" if d["A"] else ""))
    print("Overdue pending 2021-02:", [(d["code"], d["field"], str(d["D"])) for d in overdue])
    offs = [d["code"] for d in dossiers
            if any(c in d["raw"]["received_at"] + d["raw"]["finished_at"] for c in "Z+")]
    print(f"Rows with an offset in received_at/finished_at: {len(offs)}")
    print("OK")


def main():
    gen = Gen()
    rows = gen.build()
    transfers = gen.transfers()
    write(rows, transfers)
    check()


if __name__ == "__main__":
    sys.exit(main())
