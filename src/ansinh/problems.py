"""Problems found in the files: one type, and the catalogue of their codes — which is their
documentation: README's table of codes is generated from it (``scripts/readme_tables.py``).

Every check adds ``Problem`` values to a list instead of raising, so a run reports everything
wrong at once; the text, JSON and GitHub renderers all read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from ansinh.language import Lang, render
from ansinh.text import LocalText, Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """One kind of problem, as the documentation gives it: severity, title and meaning in both
    languages, and the keys of ``ansinh.messages`` that its problems say (a test holds these to
    the code that makes them; README's "What is checked" is written from here)."""

    id: str
    severity: Severity
    title: LocalText
    meaning: LocalText
    messages: tuple[str, ...]


_E, _W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = {
    code.id: code
    for code in (
        # --- reaching the files ---------------------------------------------------------------
        Code(
            "file-missing",
            _E,
            title=LocalText(en="File missing", vi="Thiếu tệp"),
            meaning=LocalText(
                en="A file the project needs is absent (targets/indicators.yaml, targets/areas.yaml).",
                vi="Thiếu một tệp mà dự án cần (targets/indicators.yaml, targets/areas.yaml).",
            ),
            messages=("file.missing",),
        ),
        Code(
            "file-unreadable",
            _E,
            title=LocalText(en="File unreadable", vi="Không đọc được tệp"),
            meaning=LocalText(
                en="A file or folder cannot be read (the system gives the reason), or is not UTF-8.",
                vi="Không đọc được một tệp hay thư mục (hệ thống cho biết lý do), hoặc tệp không ở mã UTF-8.",
            ),
            messages=("file.unreadable", "file.not_utf8", "file.folder_unreadable", "xlsx.corrupt", "xlsx.encrypted"),
        ),
        Code(
            "file-too-large",
            _E,
            title=LocalText(en="File too large", vi="Tệp quá lớn"),
            meaning=LocalText(
                en="A file is larger than the limit for its kind (listed under Limits).",
                vi="Tệp lớn hơn giới hạn cho loại tệp đó (xem mục Limits).",
            ),
            messages=("file.too_large", "xlsx.too_large"),
        ),
        Code(
            "file-not-read",
            _W,
            title=LocalText(en="Entry not read", vi="Mục không được đọc"),
            meaning=LocalText(
                en="An entry of targets/, data/ or data/bases/ that ansinh does not read (a folder, another kind "
                "of file, a spreadsheet other than .xlsx, a link to nothing), with what to do.",
                vi="Một mục trong targets/, data/ hoặc data/bases/ mà ansinh không đọc (một thư mục, một loại tệp "
                "khác, bảng tính không phải .xlsx, liên kết không trỏ tới đâu), kèm cách xử lý.",
            ),
            messages=(
                "file.not_read.plans_folder",
                "file.not_read.data_folder",
                "file.not_read.excel",
                "file.not_read.not_yaml",
                "file.not_read.not_observations",
                "file.not_read.not_bases",
                "file.not_read.dangling_link",
                "file.not_read.special",
                "file.not_read.unknown",
            ),
        ),
        Code(
            "sheet-not-read",
            _W,
            title=LocalText(en="Sheet not read", vi="Trang tính không được đọc"),
            meaning=LocalText(
                en="A sheet of an .xlsx workbook with no header row holding the required columns: not read.",
                vi="Một trang của sổ tính .xlsx không có dòng tiêu đề chứa đủ các cột bắt buộc: trang đó "
                "không được đọc.",
            ),
            messages=("xlsx.sheet_not_read",),
        ),
        Code(
            "no-data-folder",
            _W,
            title=LocalText(en="No data folder", vi="Không có thư mục data"),
            meaning=LocalText(
                en="There is no data/ folder: every target has no data.",
                vi="Không có thư mục data/: mọi chỉ tiêu đều chưa có số liệu.",
            ),
            messages=("file.no_data_folder",),
        ),
        # --- YAML -------------------------------------------------------------------------------
        Code(
            "yaml-syntax",
            _E,
            title=LocalText(en="Invalid YAML", vi="YAML không hợp lệ"),
            meaning=LocalText(
                en="The file is not valid YAML, or an alias (`*name`) refers to no anchor.",
                vi="Tệp không phải YAML hợp lệ, hoặc một bí danh (`*tên`) không trỏ tới neo nào.",
            ),
            messages=("yaml.syntax", "yaml.unknown_alias"),
        ),
        Code(
            "yaml-too-deep",
            _E,
            title=LocalText(en="YAML nested too deep", vi="YAML lồng quá sâu"),
            meaning=LocalText(
                en="Collections are nested deeper than the limit.",
                vi="Các cấu trúc lồng nhau sâu hơn giới hạn.",
            ),
            messages=("yaml.too_deep",),
        ),
        Code(
            "yaml-too-many-aliases",
            _E,
            title=LocalText(en="Too many YAML aliases", vi="Quá nhiều bí danh YAML"),
            meaning=LocalText(
                en="More aliases (`*name`) than the limit, or aliases that expand to too much.",
                vi="Nhiều bí danh (`*tên`) hơn giới hạn, hoặc các bí danh mở rộng thành quá nhiều giá trị.",
            ),
            messages=("yaml.aliases", "yaml.expansion"),
        ),
        Code(
            "yaml-unsupported",
            _E,
            title=LocalText(en="Unsupported YAML", vi="YAML không được hỗ trợ"),
            meaning=LocalText(
                en="A YAML feature ansinh does not read: several documents, tags, keys that are not text.",
                vi="Một tính năng YAML mà ansinh không đọc: nhiều tài liệu trong một tệp, thẻ (tag), "
                "khóa không phải văn bản.",
            ),
            messages=("yaml.several_documents", "yaml.tag", "yaml.key_not_text"),
        ),
        Code(
            "duplicate-key",
            _E,
            title=LocalText(en="Duplicate key", vi="Khóa trùng lặp"),
            meaning=LocalText(
                en="The same key twice in one mapping; YAML readers silently keep the last one.",
                vi="Cùng một khóa xuất hiện hai lần trong một ánh xạ; các trình đọc YAML thường lặng lẽ giữ "
                "lần sau cùng.",
            ),
            messages=("yaml.duplicate_key",),
        ),
        # --- fields and values ------------------------------------------------------------------
        Code(
            "unknown-field",
            _E,
            title=LocalText(en="Unknown field", vi="Trường không xác định"),
            meaning=LocalText(
                en="A field ansinh does not know, usually a misspelling (the likely field is named), or a "
                "language other than vi and en in a name.",
                vi="Một trường mà ansinh không biết, thường do viết sai (ansinh nêu trường có lẽ định viết), "
                "hoặc một ngôn ngữ khác vi và en trong một tên.",
            ),
            messages=("field.unknown_guess", "field.unknown", "name.languages"),
        ),
        Code(
            "missing-field",
            _E,
            title=LocalText(en="Missing field", vi="Thiếu trường"),
            meaning=LocalText(
                en="A required field is absent, or a required cell of a CSV row is empty.",
                vi="Thiếu một trường bắt buộc, hoặc một ô bắt buộc của dòng CSV để trống.",
            ),
            messages=("field.missing", "file.empty", "name.empty", "row.empty_cell"),
        ),
        Code(
            "wrong-type",
            _E,
            title=LocalText(en="Wrong type", vi="Sai kiểu giá trị"),
            meaning=LocalText(
                en="A field has the wrong kind of value (text for a number, a list for a mapping...).",
                vi="Một trường có giá trị sai kiểu (văn bản thay cho số, danh sách thay cho ánh xạ...).",
            ),
            messages=(
                "file.not_mapping",
                "type.mapping",
                "type.list",
                "type.text_field",
                "type.other",
                "type.text",
                "type.period",
                "type.number",
                "type.name",
                "type.empty_name",
                "type.successor",
                "yaml.merge",
            ),
        ),
        Code(
            "bad-value",
            _E,
            title=LocalText(en="Value not allowed", vi="Giá trị không được phép"),
            meaning=LocalText(
                en="A value outside its allowed set or range (an unknown unit, a percent above 100...).",
                vi="Một giá trị nằm ngoài tập hoặc khoảng cho phép (đơn vị không xác định, tỷ lệ phần trăm "
                "trên 100...).",
            ),
            messages=("value.choice_guess", "value.choice", "value.percent", "target.flow_zero", "area.share_range"),
        ),
        Code(
            "bad-period",
            _E,
            title=LocalText(en="Invalid period", vi="Kỳ không hợp lệ"),
            meaning=LocalText(
                en="A period that is not YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-MM-DD or a span A/B, or a base's "
                "year that is not a year.",
                vi="Một kỳ không viết theo dạng YYYY, YYYYH1, YYYYQ1, YYYY-MM, YYYY-MM-DD hay khoảng A/B, hoặc "
                "năm của mẫu số không phải một năm.",
            ),
            messages=(
                "period.format",
                "period.year",
                "period.month",
                "period.day",
                "period.span",
                "period.did_you_mean",
                "period.did_you_mean_day_first",
                "row.year",
            ),
        ),
        Code(
            "bad-id",
            _E,
            title=LocalText(en="Invalid id", vi="Mã không hợp lệ"),
            meaning=LocalText(
                en="An id that is not a slug of lowercase letters, digits and hyphens (a base's name may also "
                "have '_').",
                vi="Một mã không chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (tên mẫu số có thể "
                "có thêm '_').",
            ),
            messages=("id.slug", "id.base"),
        ),
        Code(
            "bad-number",
            _E,
            title=LocalText(en="Invalid number", vi="Số không hợp lệ"),
            meaning=LocalText(
                en="A number that is not finite, is negative, or is not written plainly; or a count that is "
                "not whole, a base of zero.",
                vi="Một số không hữu hạn, là số âm, hoặc không được viết đơn giản; hoặc số lượng không "
                "nguyên, mẫu số bằng 0.",
            ),
            messages=(
                "number.empty",
                "number.not_finite",
                "number.not_number",
                "number.negative",
                "number.scientific",
                "number.comma",
                "number.mixed",
                "number.too_long",
                "number.not_whole",
                "number.percent_sign",
                "number.line_break",
                "value.zero_base",
            ),
        ),
        Code(
            "ambiguous-number",
            _E,
            title=LocalText(en="Ambiguous number", vi="Số có thể hiểu hai cách"),
            meaning=LocalText(
                en="A number that may hide a thousands separator (22.796 or 22,796).",
                vi="Một số có thể chứa dấu phân cách hàng nghìn (22.796 hay 22,796).",
            ),
            messages=("number.grouped",),
        ),
        # --- Excel ------------------------------------------------------------------------------
        Code(
            "excel-error-cell",
            _E,
            title=LocalText(en="Excel error in a cell", vi="Ô Excel báo lỗi"),
            meaning=LocalText(
                en="A workbook cell that shows an error (#DIV/0!, #N/A, #VALUE!...) or holds a formula whose "
                "result was never calculated: never read as an empty cell.",
                vi="Một ô của sổ tính hiện lỗi (#DIV/0!, #N/A, #VALUE!...) hoặc chứa công thức chưa từng được "
                "tính: không bao giờ được đọc như ô trống.",
            ),
            messages=("xlsx.error_cell", "xlsx.no_cached_value"),
        ),
        Code(
            "excel-cell-type",
            _E,
            title=LocalText(en="Excel cell of the wrong type", vi="Ô Excel sai kiểu"),
            meaning=LocalText(
                en="A workbook cell whose type does not fit its column: a date in a number column, a date with "
                "a time of day as a period, a TRUE/FALSE value.",
                vi="Một ô của sổ tính có kiểu không hợp với cột: ngày tháng trong cột số, ngày kèm giờ làm kỳ, "
                "giá trị đúng/sai (TRUE/FALSE).",
            ),
            messages=("xlsx.boolean", "xlsx.date_in_number", "xlsx.date_time", "xlsx.not_number"),
        ),
        # --- CSV --------------------------------------------------------------------------------
        Code(
            "csv-syntax",
            _E,
            title=LocalText(en="Invalid CSV", vi="CSV không hợp lệ"),
            meaning=LocalText(
                en="The CSV file cannot be read as CSV (an unclosed quote...).",
                vi="Tệp CSV không đọc được theo định dạng CSV (dấu nháy chưa đóng...).",
            ),
            messages=("csv.syntax",),
        ),
        Code(
            "csv-header",
            _E,
            title=LocalText(en="Bad CSV header", vi="Dòng tiêu đề CSV sai"),
            meaning=LocalText(
                en="The header is missing, lacks a required column, repeats one, leaves one unnamed, or names "
                "an unknown one.",
                vi="Không có dòng tiêu đề, hoặc dòng tiêu đề thiếu một cột bắt buộc, lặp lại một cột, để một "
                "cột không tên hay ghi tên một cột không xác định.",
            ),
            messages=(
                "csv.no_header",
                "csv.missing_columns",
                "csv.duplicate_column",
                "csv.empty_column_name",
                "csv.unknown_column_guess",
                "csv.unknown_column",
            ),
        ),
        Code(
            "csv-row-length",
            _E,
            title=LocalText(en="Wrong number of cells", vi="Sai số ô trong dòng"),
            meaning=LocalText(
                en="A row has more or fewer cells than the header, or a value under a column the header "
                "leaves unnamed.",
                vi="Một dòng có nhiều hoặc ít ô hơn dòng tiêu đề, hoặc có giá trị nằm dưới một cột không có tên.",
            ),
            messages=("csv.row_length", "csv.row_length_extra_empty", "csv.unnamed_value"),
        ),
        # --- references and declarations --------------------------------------------------------
        Code(
            "unknown-reference",
            _E,
            title=LocalText(en="Unknown reference", vi="Tham chiếu không xác định"),
            meaning=LocalText(
                en="An indicator, area or base that is referenced but not declared.",
                vi="Một chỉ tiêu, địa bàn hoặc mẫu số được nhắc tới nhưng chưa được khai báo.",
            ),
            messages=("reference.unknown_guess", "reference.unknown"),
        ),
        Code(
            "duplicate-id",
            _E,
            title=LocalText(en="Duplicate id", vi="Mã trùng lặp"),
            meaning=LocalText(
                en="Two declarations with the same id.",
                vi="Hai khai báo có cùng một mã.",
            ),
            messages=("id.duplicate", "plan.duplicate"),
        ),
        Code(
            "plan-id-mismatch",
            _E,
            title=LocalText(en="Plan id differs from its file name", vi="Mã kế hoạch khác tên tệp"),
            meaning=LocalText(
                en="A plan's id differs from its file name.",
                vi="Mã của một kế hoạch khác tên tệp chứa nó.",
            ),
            messages=("plan.id",),
        ),
        Code(
            "area-cycle",
            _E,
            title=LocalText(en="Cycle of areas", vi="Vòng lặp địa bàn"),
            meaning=LocalText(
                en="Areas whose parents form a cycle.",
                vi="Các địa bàn có quan hệ cấp trên tạo thành vòng lặp.",
            ),
            messages=("area.cycle", "area.became_cycle"),
        ),
        Code(
            "indicator-definition",
            _E,
            title=LocalText(en="Inconsistent indicator", vi="Chỉ tiêu khai báo không nhất quán"),
            meaning=LocalText(
                en="An indicator whose unit, kind, direction and base do not fit together.",
                vi="Một chỉ tiêu có đơn vị, loại, chiều tốt hơn và mẫu số không khớp với nhau.",
            ),
            messages=("indicator.count_base", "indicator.needs_base", "indicator.flow"),
        ),
        Code(
            "area-lifetime",
            _E,
            title=LocalText(en="Lifetimes do not fit", vi="Thời gian tồn tại không khớp"),
            meaning=LocalText(
                en="An area whose since is after its until, that lists what it became without an until, or a "
                "unit it became that does not begin the day after it ends (SPEC 8).",
                vi="Một địa bàn có since sau until, ghi các đơn vị nó trở thành mà không ghi until, hoặc có "
                "đơn vị kế tiếp không bắt đầu ngay sau ngày nó kết thúc (SPEC 8).",
            ),
            messages=(
                "area.since_after_until",
                "area.became_needs_until",
                "area.successor_since",
                "area.successor_no_since",
            ),
        ),
        Code(
            "became-shares",
            _E,
            title=LocalText(en="Shares do not add up", vi="Các phần chia không khớp"),
            meaning=LocalText(
                en="The shares of what an area became do not sum to exactly 1, are given for some units and not "
                "others, or a unit is listed twice.",
                vi="Các phần (share) mà một địa bàn chia cho các đơn vị kế tiếp không cộng lại đúng bằng 1, chỉ "
                "ghi cho một số đơn vị, hoặc một đơn vị được ghi hai lần.",
            ),
            messages=("area.shares_sum", "area.shares_partial", "area.successor_twice"),
        ),
        # --- targets and plans ------------------------------------------------------------------
        Code(
            "target-shape",
            _E,
            title=LocalText(en="Target fields do not fit", vi="Các trường của mục tiêu không phù hợp"),
            meaning=LocalText(
                en="A target whose fields do not fit its indicator's kind (value/by, total/from/by, per_year/by).",
                vi="Một mục tiêu có các trường không phù hợp với loại chỉ tiêu (value/by, total/from/by, per_year/by).",
            ),
            messages=(
                "target.level_field",
                "target.level_needs_value",
                "target.needs_baseline",
                "target.flow_value",
                "target.flow_baseline",
                "target.flow_count",
                "target.total_and_per_year",
                "target.flow_needs_amount",
                "target.total_needs_from",
                "target.per_year_from",
                "target.window",
                "target.count_on_count",
            ),
        ),
        Code(
            "target-kind-mismatch",
            _E,
            title=LocalText(en="Target of the wrong kind", vi="Mục tiêu sai loại"),
            meaning=LocalText(
                en="A flow target on a level indicator, or the reverse.",
                vi="Mục tiêu dạng lũy kế (flow) cho chỉ tiêu dạng mức (level), hoặc ngược lại.",
            ),
            messages=("target.flow_on_level", "target.level_on_flow"),
        ),
        Code(
            "deadline-not-after-baseline",
            _E,
            title=LocalText(en="Deadline not after the baseline", vi="Hạn không sau kỳ gốc"),
            meaning=LocalText(
                en="A target whose deadline is not after its baseline.",
                vi="Một mục tiêu có hạn không muộn hơn kỳ gốc.",
            ),
            messages=("target.deadline",),
        ),
        Code(
            "duplicate-target",
            _E,
            title=LocalText(en="Duplicate target", vi="Mục tiêu trùng lặp"),
            meaning=LocalText(
                en="An indicator that appears twice in one plan.",
                vi="Một chỉ tiêu xuất hiện hai lần trong cùng một kế hoạch.",
            ),
            messages=("plan.duplicate_target",),
        ),
        Code(
            "plan-period",
            _E,
            title=LocalText(en="Plan ends before it starts", vi="Kế hoạch kết thúc trước khi bắt đầu"),
            meaning=LocalText(
                en="A plan that ends before it starts.",
                vi="Một kế hoạch kết thúc trước khi bắt đầu.",
            ),
            messages=("plan.period",),
        ),
        # --- observations and bases -------------------------------------------------------------
        Code(
            "conflicting-base",
            _E,
            title=LocalText(en="Conflicting base figures", vi="Số liệu mẫu số mâu thuẫn"),
            meaning=LocalText(
                en="Two figures of the same base, area and year with different values.",
                vi="Hai số liệu của cùng một mẫu số, địa bàn và năm nhưng khác giá trị.",
            ),
            messages=("base.conflict",),
        ),
        Code(
            "conflicting-observation",
            _E,
            title=LocalText(en="Conflicting observations", vi="Số liệu quan sát mâu thuẫn"),
            meaning=LocalText(
                en="Two observations of the same thing at the same time with different values.",
                vi="Hai số liệu quan sát của cùng một chỉ tiêu, địa bàn và thời điểm nhưng khác giá trị.",
            ),
            messages=("observation.conflict",),
        ),
        Code(
            "overlapping-periods",
            _E,
            title=LocalText(en="Overlapping periods", vi="Các kỳ chồng nhau"),
            meaning=LocalText(
                en="Flow observations whose periods overlap, so their sum would count twice.",
                vi="Các số liệu dạng lũy kế có kỳ chồng lên nhau, nên khi cộng dồn sẽ bị tính hai lần.",
            ),
            messages=("observation.overlap",),
        ),
        Code(
            "window-straddle",
            _E,
            title=LocalText(en="Period straddles a target's window", vi="Kỳ vắt qua ranh giới của mục tiêu"),
            meaning=LocalText(
                en="A flow observation that straddles the edge of a target's window.",
                vi="Một số liệu dạng lũy kế có kỳ vắt qua ranh giới khoảng thời gian của một mục tiêu.",
            ),
            messages=("observation.straddle",),
        ),
        # --- warnings ---------------------------------------------------------------------------
        Code(
            "met-at-baseline",
            _W,
            title=LocalText(en="Met at the baseline", vi="Đã đạt từ kỳ gốc"),
            meaning=LocalText(
                en="A target already met at its baseline.",
                vi="Một mục tiêu đã đạt ngay từ kỳ gốc.",
            ),
            messages=("warning.met_at_baseline",),
        ),
        Code(
            "count-rate-mismatch",
            _W,
            title=LocalText(en="Count and rate disagree", vi="Số tuyệt đối và tỷ lệ không khớp"),
            meaning=LocalText(
                en="An observation whose value, count and base disagree beyond the rounding of the value.",
                vi="Một số liệu quan sát có giá trị, số tuyệt đối và mẫu số không khớp nhau, vượt quá mức làm "
                "tròn của giá trị.",
            ),
            messages=("warning.count_rate",),
        ),
        Code(
            "target-count-mismatch",
            _W,
            title=LocalText(en="Target count disagrees", vi="Số tuyệt đối của mục tiêu không khớp"),
            meaning=LocalText(
                en="A declared target count that disagrees with target × base at the deadline.",
                vi="Số tuyệt đối khai báo cho một mục tiêu không khớp với mục tiêu × mẫu số tại hạn.",
            ),
            messages=("warning.target_count",),
        ),
        Code(
            "extrapolated-base",
            _W,
            title=LocalText(en="Extrapolated base", vi="Mẫu số ngoại suy"),
            meaning=LocalText(
                en="A base extrapolated beyond its known years (held constant when only one year is known).",
                vi="Mẫu số được ngoại suy ra ngoài các năm đã biết (giữ nguyên khi chỉ biết một năm).",
            ),
            messages=("warning.extrapolated", "warning.held_constant", "warning.rollup_extrapolated"),
        ),
        Code(
            "stale-observation",
            _W,
            title=LocalText(en="Stale observation", vi="Số liệu đã cũ"),
            meaning=LocalText(
                en="The observation a row uses ends more than twelve months before the report's date.",
                vi="Số liệu quan sát mà một dòng dùng kết thúc hơn mười hai tháng trước ngày báo cáo.",
            ),
            messages=("warning.stale",),
        ),
        Code(
            "parent-lifetime",
            _W,
            title=LocalText(en="Parent not there for its child", vi="Cấp trên không tồn tại cùng thời kỳ"),
            meaning=LocalText(
                en="An area that exists on days its parent does not (SPEC 8): on those days it rolls up into nothing.",
                vi="Một địa bàn tồn tại vào những ngày mà cấp trên của nó không tồn tại (SPEC 8): khi đó số liệu "
                "không cộng gộp được lên đâu.",
            ),
            messages=("area.parent_lifetime",),
        ),
        Code(
            "outside-lifetime",
            _W,
            title=LocalText(en="Observation outside the area's lifetime", vi="Số liệu ngoài thời gian tồn tại"),
            meaning=LocalText(
                en="An observation of an area dated before its since or after its until; a flow whose period does "
                "not lie wholly inside them (SPEC 8).",
                vi="Số liệu của một địa bàn có ngày trước since hoặc sau until của nó; số liệu lũy kế có kỳ không "
                "nằm trọn trong khoảng đó (SPEC 8).",
            ),
            messages=("observation.outside_lifetime", "observation.outside_lifetime_flow"),
        ),
        Code(
            "rollup-mismatch",
            _W,
            title=LocalText(en="Own figure and roll-up disagree", vi="Số liệu và số cộng gộp không khớp"),
            meaning=LocalText(
                en="An area's own figure disagrees with the complete roll-up of its children beyond the rounding "
                "of the own value as written (SPEC 7).",
                vi="Số liệu của chính một địa bàn không khớp với số cộng gộp đầy đủ từ các địa bàn trực thuộc, "
                "vượt quá mức làm tròn của giá trị đã ghi (SPEC 7).",
            ),
            messages=("warning.rollup_mismatch",),
        ),
        Code(
            "rollup-incomplete",
            _W,
            title=LocalText(en="Roll-up incomplete", vi="Cộng gộp chưa đủ"),
            meaning=LocalText(
                en="A roll-up the row would use lacks some children (28 of 30 have the figure), or a base it needs "
                "(SPEC 7).",
                vi="Số cộng gộp mà dòng sẽ dùng còn thiếu một số địa bàn trực thuộc (28/30 có số liệu), hoặc "
                "thiếu mẫu số cần dùng (SPEC 7).",
            ),
            messages=("rollup.missing", "rollup.no_base"),
        ),
        Code(
            "lineage-incomplete",
            _W,
            title=LocalText(en="Figure across the reorganisation not formed", vi="Chưa tính được số liệu qua sắp xếp"),
            meaning=LocalText(
                en="A figure across a reorganisation cannot be formed: a unit took only a share, took territory "
                "from another unit too, cannot be divided, or lacks the figure (SPEC 8).",
                vi="Không tính được số liệu qua sắp xếp đơn vị hành chính: một đơn vị chỉ nhận một phần, nhận "
                "địa giới từ cả đơn vị khác, không chia được, hoặc chưa có số liệu (SPEC 8).",
            ),
            messages=("lineage.share", "lineage.shared", "lineage.undivided", "lineage.missing"),
        ),
    )
}

_SEVERITY_WORDS = {Severity.ERROR: "problems.error", Severity.WARNING: "problems.warning"}
_TABLE_HEADINGS = {"en": ("code", "severity", "meaning"), "vi": ("mã", "mức độ", "ý nghĩa")}


def catalogue_markdown(lang: Lang) -> str:
    """The catalogue as a Markdown table in ``lang``, as README's "What is checked" shows it
    (``scripts/readme_tables.py --write`` puts it there)."""
    from ansinh.messages import MESSAGES

    def row(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"

    lines = [row(_TABLE_HEADINGS[lang]), row(("---",) * 3)]
    for code in CODES.values():
        lines.append(row((f"`{code.id}`", MESSAGES[_SEVERITY_WORDS[code.severity]][lang], code.meaning.get(lang))))
    return "\n".join(lines) + "\n"


# The rows of a workbook's sheet are located at the "file" ``workbook + SHEET_MARK + sheet`` (an
# observation's or a base figure's ``file``), so that the rows of two sheets of one workbook are
# told apart: a ``Problem`` made there has its file and sheet set apart, and a place such as
# ``f"{file}:{line}"`` in its message is written in words (``data/y-te.xlsx, sheet Sheet1, row 17``).
# No listed file holds the mark: it is the one character no file name can.
SHEET_MARK = "\0"


def sheet_place(written: str) -> Text | str:
    """A place written ``file:line`` (or ``file``) in a message, in words when it is in a sheet."""
    if SHEET_MARK not in written:
        return written
    workbook, _, rest = written.partition(SHEET_MARK)
    sheet, colon, row = rest.rpartition(":")  # a sheet's name cannot hold ':'
    if not colon or not row.isdigit():
        return Text("xlsx.place_sheet", (("file", workbook), ("sheet", rest)))
    return Text("xlsx.place", (("file", workbook), ("sheet", sheet), ("row", row)))


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong or suspicious in the files: where it is, and a message saying what to do.
    In a workbook, ``sheet`` names the sheet and ``line`` and ``column`` its cell (``Sheet1!D17``
    is line 17, column 4)."""

    code: str
    text: Text
    file: str | None = None
    line: int | None = None
    column: int | None = None
    path: str = ""
    sheet: str | None = None

    def __post_init__(self) -> None:
        file = self.file
        if file is not None and SHEET_MARK in file:
            workbook, sheet = file.split(SHEET_MARK, 1)
            object.__setattr__(self, "file", workbook)
            object.__setattr__(self, "sheet", sheet)
        args = self.text.args
        if any(isinstance(value, str) and SHEET_MARK in value for _, value in args):
            placed = tuple((name, sheet_place(value) if isinstance(value, str) else value) for name, value in args)
            object.__setattr__(self, "text", Text(self.text.key, placed))

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self, lang: Lang) -> str:
        return render(self.text, lang)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.file or "", self.sheet or "", self.line or 0, self.column or 0, self.code)

    @property
    def cell(self) -> str | None:
        """A workbook problem's place in Excel's words: ``Sheet1!D17``, ``Sheet1!17:17`` for a
        whole row, ``Sheet1`` for the sheet; ``None`` outside a workbook."""
        if self.sheet is None:
            return None
        sheet = self.sheet if self.sheet.replace("_", "").isalnum() else "'" + self.sheet.replace("'", "''") + "'"
        if not self.line:
            return sheet
        if not self.column:
            return f"{sheet}!{self.line}:{self.line}"
        return f"{sheet}!{column_letters(self.column)}{self.line}"

    def to_json(self, lang: Lang) -> dict[str, object]:
        """SPEC 6's keys; a problem in a workbook's sheet adds ``sheet`` (its line and column are
        the cell's row and column)."""
        document: dict[str, object] = {"file": self.file}
        if self.sheet is not None:
            document["sheet"] = self.sheet
        document.update(line=self.line, column=self.column, path=self.path, code=self.code, message=self.message(lang))
        return document


Path = tuple[str | int, ...]


def column_letters(number: int) -> str:
    """A spreadsheet column's letters: 1 -> A, 27 -> AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def field_path(loc: Path) -> str:
    """``('targets', 0, 'target', 'by')`` -> ``targets[0].target.by``."""
    path = ""
    for step in loc:
        if isinstance(step, int):
            path += f"[{step}]"
        else:
            path = f"{path}.{step}" if path else step
    return path


class Locator(Protocol):
    """Anything that can say where a field path was written in a file."""

    def locate(self, path: Path, *, at_key: bool = False) -> tuple[int, int]: ...


@dataclass(frozen=True, slots=True)
class LineOf:
    """In a finding's message, the line of another field of the same file."""

    path: Path


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a YAML file known by its field path; its line comes from the file later."""

    code: str
    text: Text
    path: Path
    at_key: bool = False

    def paths(self) -> list[Path]:
        return [self.path, *(value.path for _, value in self.text.args if isinstance(value, LineOf))]

    def located(self, file: str, where: Locator) -> Problem:
        line, column = where.locate(self.path, at_key=self.at_key)
        args = tuple(
            (name, str(where.locate(value.path)[0]) if isinstance(value, LineOf) else value)
            for name, value in self.text.args
        )
        return Problem(self.code, Text(self.text.key, args), file, line, column, field_path(self.path))


class Findings(list[Finding]):
    """What the checks of one file found."""

    def add(self, code: str, text: Text, path: Path, *, at_key: bool = False) -> None:
        self.append(Finding(code, text, path, at_key))
