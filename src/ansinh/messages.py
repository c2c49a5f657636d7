"""Every sentence ansinh says, in English and Vietnamese. Keys are grouped by the layer that
uses them; a test checks that both languages have the same placeholders."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- files ---------------------------------------------------------------------------------
    "file.missing": {
        "en": "{file} is missing: create it (ansinh init writes an example)",
        "vi": "thiếu tệp {file}: hãy tạo tệp này (ansinh init tạo một tệp mẫu)",
    },
    "file.unreadable": {
        "en": "cannot read the file: {detail}",
        "vi": "không đọc được tệp: {detail}",
    },
    "file.folder_unreadable": {
        "en": "cannot read the folder: {detail}: none of its files can be checked until its permissions let ansinh read it",
        "vi": "không đọc được thư mục: {detail}: chưa kiểm tra được tệp nào trong thư mục cho tới khi quyền truy cập cho phép ansinh đọc nó",
    },
    "file.no_data_folder": {
        "en": "there is no data/ folder, so every target has no data: put observations in data/*.csv and bases in data/bases/*.csv",
        "vi": "không có thư mục data/, nên mọi chỉ tiêu đều chưa có số liệu: hãy đặt số liệu quan sát vào data/*.csv và số liệu gốc vào data/bases/*.csv",
    },
    "file.not_read.data_folder": {
        "en": "this folder is not read: ansinh reads only data/*.csv, data/*.xlsx and the same in data/bases/; move the files up",
        "vi": "thư mục này không được đọc: ansinh chỉ đọc data/*.csv, data/*.xlsx và các tệp như vậy trong data/bases/; hãy chuyển các tệp lên thư mục trên",
    },
    "file.not_read.plans_folder": {
        "en": "this folder is not read: ansinh reads only the plans directly in targets/ (targets/*.yaml); move the files up",
        "vi": "thư mục này không được đọc: ansinh chỉ đọc các kế hoạch nằm ngay trong targets/ (targets/*.yaml); hãy chuyển các tệp lên thư mục trên",
    },
    "file.not_read.excel": {
        "en": "ansinh reads Excel workbooks as .xlsx only, not this kind: save it as an Excel Workbook (.xlsx; in Excel: File > Save As > Excel Workbook) or as CSV UTF-8 in the same folder",
        "vi": "ansinh chỉ đọc sổ tính Excel dạng .xlsx, không đọc loại tệp này: hãy lưu tệp dạng Sổ làm việc Excel (.xlsx; trong Excel: Tệp > Lưu thành > Sổ làm việc Excel) hoặc dạng CSV UTF-8 vào cùng thư mục",
    },
    "xlsx.corrupt": {
        "en": "this workbook cannot be read ({detail}): open it in Excel and save it again as an Excel Workbook (.xlsx)",
        "vi": "không đọc được sổ tính này ({detail}): hãy mở tệp trong Excel và lưu lại dạng Sổ làm việc Excel (.xlsx)",
    },
    "xlsx.encrypted": {
        "en": "this is not an .xlsx workbook but a password-protected one, or an old .xls file renamed ({detail}): remove the password, or save it as an Excel Workbook (.xlsx)",
        "vi": "đây không phải sổ tính .xlsx mà là sổ tính có mật khẩu, hoặc tệp .xls cũ bị đổi tên ({detail}): hãy bỏ mật khẩu, hoặc lưu tệp dạng Sổ làm việc Excel (.xlsx)",
    },
    "xlsx.too_large": {
        "en": "the part {part} of this workbook would inflate to {size} bytes, beyond the limit of {limit} bytes or far beyond its compressed size: a workbook of figures is never like this; save the figures as CSV UTF-8",
        "vi": "phần {part} của sổ tính này sẽ giải nén thành {size} byte, vượt giới hạn {limit} byte hoặc lớn bất thường so với kích thước nén: sổ tính số liệu không bao giờ như vậy; hãy lưu số liệu dạng CSV UTF-8",
    },
    "xlsx.sheet_not_read": {
        "en": "the sheet '{sheet}' is not read: no row at its top names the columns {names}; if it holds figures, put the column names in the row above them",
        "vi": "trang tính '{sheet}' không được đọc: không có dòng nào ở đầu trang ghi tên các cột {names}; nếu trang chứa số liệu, hãy ghi tên các cột ở dòng ngay trên số liệu",
    },
    "xlsx.error_cell": {
        "en": "the cell shows the error {value}, not a figure: correct the formula or the cells it uses, or type the figure",
        "vi": "ô đang hiện lỗi {value}, không phải số liệu: hãy sửa công thức hoặc các ô mà nó dùng, hoặc nhập số liệu",
    },
    "xlsx.no_cached_value": {
        "en": "the cell holds a formula whose result was never stored (a program wrote the file without calculating it): open the file in Excel and save it",
        "vi": "ô chứa công thức chưa từng được tính kết quả (tệp do một chương trình ghi ra mà không tính): hãy mở tệp trong Excel rồi lưu lại",
    },
    "xlsx.boolean": {
        "en": "the cell holds {value}, a true/false value, not a figure or a text: type what it should say",
        "vi": "ô chứa {value}, một giá trị đúng/sai, không phải số liệu hay văn bản: hãy nhập đúng nội dung cần ghi",
    },
    "xlsx.date_in_number": {
        "en": "the cell holds the date {date}, not a number (Excel may have turned what was typed into a date): format the cell as Number and type the figure again",
        "vi": "ô chứa ngày {date}, không phải một số (Excel có thể đã tự đổi giá trị nhập thành ngày): hãy định dạng ô là Số (Number) rồi nhập lại số liệu",
    },
    "xlsx.date_time": {
        "en": "the cell holds {date}, not a day: a period is a day, a month, a quarter, a half-year or a year; type it as text, as 2022-06-30 or 2022H1",
        "vi": "ô chứa {date}, không phải một ngày: kỳ là một ngày, tháng, quý, nửa năm hoặc năm; hãy nhập dạng văn bản, như 2022-06-30 hoặc 2022H1",
    },
    "xlsx.place": {
        "en": "{file}, sheet {sheet}, row {row}",
        "vi": "{file}, trang {sheet}, dòng {row}",
    },
    "xlsx.place_sheet": {
        "en": "{file}, sheet {sheet}",
        "vi": "{file}, trang {sheet}",
    },
    "xlsx.not_number": {
        "en": "the cell is stored as the number '{value}', which is not a number: open the file in Excel and save it again",
        "vi": "ô được lưu là số '{value}' nhưng đó không phải một số: hãy mở tệp trong Excel và lưu lại",
    },
    "file.not_read.not_observations": {
        "en": "not an observation file: ansinh reads only .csv and .xlsx files in data/; if it holds figures, save it as CSV UTF-8 or an Excel Workbook (.xlsx), else move it out",
        "vi": "không phải tệp số liệu quan sát: ansinh chỉ đọc các tệp .csv và .xlsx trong data/; nếu tệp chứa số liệu, hãy lưu dạng CSV UTF-8 hoặc Sổ làm việc Excel (.xlsx), nếu không hãy chuyển nó ra ngoài",
    },
    "file.not_read.not_bases": {
        "en": "not a base file: ansinh reads only .csv and .xlsx files in data/bases/; if it holds figures, save it as CSV UTF-8 or an Excel Workbook (.xlsx), else move it out",
        "vi": "không phải tệp số liệu gốc: ansinh chỉ đọc các tệp .csv và .xlsx trong data/bases/; nếu tệp chứa số liệu, hãy lưu dạng CSV UTF-8 hoặc Sổ làm việc Excel (.xlsx), nếu không hãy chuyển nó ra ngoài",
    },
    "file.not_read.not_yaml": {
        "en": "not a plan file: ansinh reads only .yaml and .yml files in targets/; move it out, or rename it if it is a plan",
        "vi": "không phải tệp kế hoạch: ansinh chỉ đọc các tệp .yaml và .yml trong targets/; hãy chuyển nó ra ngoài, hoặc đổi tên nếu đó là một kế hoạch",
    },
    "file.not_read.dangling_link": {
        "en": "the link points to nothing: point it at the file, or delete it",
        "vi": "liên kết không trỏ tới tệp nào: hãy trỏ nó tới tệp cần đọc, hoặc xóa liên kết",
    },
    "file.not_read.special": {
        "en": "not a regular file (a pipe, socket or device): ansinh reads only files",
        "vi": "không phải tệp thông thường (ống dẫn, socket hoặc thiết bị): ansinh chỉ đọc tệp",
    },
    "file.not_read.unknown": {
        "en": "ansinh cannot tell what this is ({detail}), so it is not read",
        "vi": "ansinh không xác định được đây là gì ({detail}), nên không đọc",
    },
    "file.not_utf8": {
        "en": "the file is not UTF-8 (byte {byte} cannot be read): save it as UTF-8 (in Excel: 'CSV UTF-8')",
        "vi": "tệp không ở mã UTF-8 (không đọc được byte {byte}): hãy lưu lại dạng UTF-8 (trong Excel: 'CSV UTF-8')",
    },
    "file.too_large": {
        "en": "the file has {size} bytes, more than the limit of {limit} for this kind of file",
        "vi": "tệp có {size} byte, vượt giới hạn {limit} byte cho loại tệp này",
    },
    "problems.more_in_file": {
        "en": "and {errors} and {warnings} more in this file, not listed here: `ansinh validate --format json` lists them all",
        "vi": "và thêm {errors}, {warnings} trong tệp này không liệt kê ở đây: `ansinh validate --format json` liệt kê tất cả",
    },
    # --- YAML ----------------------------------------------------------------------------------
    "yaml.syntax": {
        "en": "invalid YAML: {detail}{hint}",
        "vi": "YAML không hợp lệ: {detail}{hint}",
    },
    "yaml.hint.tabs": {"en": " — indent with spaces, not tabs", "vi": " — hãy thụt lề bằng dấu cách, không dùng tab"},
    "yaml.hint.colon": {
        "en": " — put text that contains ': ' in quotes, or check the indentation",
        "vi": " — hãy đặt văn bản có ': ' trong dấu nháy, hoặc kiểm tra thụt lề",
    },
    "yaml.hint.key_value": {
        "en": " — each line of a mapping is 'key: value'",
        "vi": " — mỗi dòng của ánh xạ có dạng 'khóa: giá trị'",
    },
    "yaml.hint.escape": {
        "en": " — in double quotes a backslash starts an escape: use single quotes",
        "vi": " — trong dấu nháy kép, dấu \\ bắt đầu một chuỗi thoát: hãy dùng nháy đơn",
    },
    "yaml.hint.control": {
        "en": " — remove the invisible control character",
        "vi": " — hãy xóa ký tự điều khiển vô hình",
    },
    "yaml.too_deep": {
        "en": "collections nest deeper than {limit} levels: ansinh files need at most 4",
        "vi": "các cấu trúc lồng nhau sâu hơn {limit} cấp: tệp của ansinh chỉ cần tối đa 4 cấp",
    },
    "yaml.aliases": {
        "en": "more than {limit} aliases (*name): write the values out",
        "vi": "quá {limit} bí danh (*tên): hãy viết đầy đủ các giá trị",
    },
    "yaml.expansion": {
        "en": "the aliases expand to more than {limit} values: write the values out",
        "vi": "các bí danh mở rộng thành hơn {limit} giá trị: hãy viết đầy đủ các giá trị",
    },
    "yaml.unknown_alias": {
        "en": "the alias *{name} refers to no anchor &{name} above it",
        "vi": "bí danh *{name} không trỏ tới neo &{name} nào ở phía trên",
    },
    "yaml.several_documents": {
        "en": "the file holds more than one YAML document (a second '---'): keep one per file",
        "vi": "tệp chứa nhiều hơn một tài liệu YAML (có '---' thứ hai): mỗi tệp chỉ một tài liệu",
    },
    "yaml.tag": {
        "en": "the tag {tag} is not supported: remove it",
        "vi": "không hỗ trợ thẻ {tag}: hãy bỏ thẻ này",
    },
    "yaml.key_not_text": {
        "en": "a key must be plain text, not a list or mapping",
        "vi": "khóa phải là văn bản, không phải danh sách hay ánh xạ",
    },
    "yaml.duplicate_key": {
        "en": "the key '{key}' appears a second time in this mapping (first on line {first_line}): keep one",
        "vi": "khóa '{key}' xuất hiện lần thứ hai trong cùng ánh xạ (lần đầu ở dòng {first_line}): chỉ giữ một",
    },
    "yaml.merge": {
        "en": "a merge key (<<) must name a mapping or a list of mappings",
        "vi": "khóa gộp (<<) phải trỏ tới một ánh xạ hoặc danh sách ánh xạ",
    },
    # --- periods and numbers ---------------------------------------------------------------
    "period.format": {
        "en": "'{text}' is not a period: write YYYY, YYYYH1, YYYYQ1, YYYY-MM or YYYY-MM-DD (e.g. 2025, 2022H1, 2024Q3, 2024-10, 2024-10-22)",
        "vi": "'{text}' không phải một kỳ: hãy viết YYYY, YYYYH1, YYYYQ1, YYYY-MM hoặc YYYY-MM-DD (ví dụ 2025, 2022H1, 2024Q3, 2024-10, 2024-10-22)",
    },
    "period.year": {
        "en": "'{text}': the year must lie between {first} and {last}",
        "vi": "'{text}': năm phải nằm trong khoảng {first}–{last}",
    },
    "period.month": {"en": "'{text}': the month must be 01 to 12", "vi": "'{text}': tháng phải từ 01 đến 12"},
    "period.day": {
        "en": "'{text}': {month} has days 01 to {last}",
        "vi": "'{text}': tháng {month} chỉ có ngày 01 đến {last}",
    },
    "period.span": {
        "en": "'{text}' is not a span of periods: write the earlier period first, e.g. 2021/2023",
        "vi": "'{text}' không phải một khoảng kỳ: hãy viết kỳ sớm hơn trước, ví dụ 2021/2023",
    },
    "period.did_you_mean": {
        "en": "'{text}' is not a period as ansinh writes them: did you mean '{guess}'?",
        "vi": "'{text}' không phải một kỳ theo cách viết của ansinh: có phải ý bạn là '{guess}'?",
    },
    "period.did_you_mean_day_first": {
        "en": "'{text}' is not a period as ansinh writes them: did you mean '{guess}'? (read day first, dd/mm/yyyy, as dates are written in Viet Nam: write YYYY-MM-DD to be sure)",
        "vi": "'{text}' không phải một kỳ theo cách viết của ansinh: có phải ý bạn là '{guess}'? (đã đọc ngày trước tháng, dd/mm/yyyy, theo cách viết ngày ở Việt Nam: hãy viết YYYY-MM-DD cho chắc chắn)",
    },
    "number.empty": {"en": "the cell is empty: write a number", "vi": "ô trống: hãy nhập một số"},
    "number.not_finite": {"en": "'{text}' is not a finite number", "vi": "'{text}' không phải một số hữu hạn"},
    "number.not_number": {
        "en": "'{text}' is not a number: write digits with a decimal point, e.g. 27.5",
        "vi": "'{text}' không phải một số: hãy viết chữ số với dấu thập phân, ví dụ 27.5",
    },
    "number.negative": {
        "en": "'{text}' is negative: the figures ansinh reads are never below zero",
        "vi": "'{text}' là số âm: các số liệu của ansinh không bao giờ nhỏ hơn 0",
    },
    "number.scientific": {
        "en": "'{text}' is in scientific notation, which hides digits: write the number in full",
        "vi": "'{text}' viết dạng khoa học, làm mất chữ số: hãy viết đầy đủ",
    },
    "number.comma": {
        "en": "'{text}' has a comma: in a file separated by ',' write the decimal point as '.', with no thousands separator",
        "vi": "'{text}' có dấu phẩy: trong tệp phân cách bằng ',' hãy dùng dấu '.' cho phần thập phân và không dùng dấu phân cách hàng nghìn",
    },
    "number.mixed": {
        "en": "'{text}' mixes ',' and '.': write the number with one decimal separator and no thousands separator",
        "vi": "'{text}' dùng cả ',' và '.': hãy viết số với một dấu thập phân, không có dấu phân cách hàng nghìn",
    },
    "number.too_long": {
        "en": "'{text}' has too many digits: at most {before} before the decimal separator and {after} after",
        "vi": "'{text}' có quá nhiều chữ số: tối đa {before} chữ số phần nguyên và {after} chữ số phần thập phân",
    },
    "number.not_whole": {
        "en": "'{text}' is not a whole number: {what} counts whole things",
        "vi": "'{text}' không phải số nguyên: {what} đếm số lượng nguyên",
    },
    "number.percent_sign": {
        "en": "'{text}' has a percent sign, but this indicator's unit is {unit}: write the value in that unit, without '%'",
        "vi": "'{text}' có dấu phần trăm, nhưng đơn vị của chỉ tiêu này là {unit}: hãy ghi giá trị theo đơn vị đó, không có '%'",
    },
    "number.line_break": {
        "en": "'{text}' has a line break inside the cell (Alt+Enter in Excel): write the number on one line",
        "vi": "'{text}' có dấu xuống dòng trong ô (Alt+Enter trong Excel): hãy viết số trên một dòng",
    },
    "number.grouped": {
        "en": "'{text}' could be read as {whole} or as {decimal}: write {whole} without a thousands separator, or give the decimal with more or fewer than three places",
        "vi": "'{text}' có thể hiểu là {whole} hoặc {decimal}: hãy viết {whole} không có dấu phân cách hàng nghìn, hoặc ghi phần thập phân khác ba chữ số",
    },
    # --- fields (YAML files) ------------------------------------------------------------------
    "file.empty": {
        "en": "the file is empty: it needs {fields}",
        "vi": "tệp trống: tệp cần có {fields}",
    },
    "file.not_mapping": {
        "en": "the file must be a mapping of 'key: value' lines with {fields}",
        "vi": "tệp phải là một ánh xạ gồm các dòng 'khóa: giá trị' với {fields}",
    },
    "field.missing": {
        "en": "the field '{field}' is missing: add it ({what})",
        "vi": "thiếu trường '{field}': hãy bổ sung",
    },
    "field.unknown_guess": {
        "en": "unknown field '{field}': did you mean '{guess}'?",
        "vi": "trường không xác định '{field}': có phải ý bạn là '{guess}'?",
    },
    "field.unknown": {
        "en": "unknown field '{field}': the fields here are {known}",
        "vi": "trường không xác định '{field}': các trường hợp lệ ở đây là {known}",
    },
    "value.choice_guess": {
        "en": "'{found}' is not one of {choices}: did you mean '{guess}'?",
        "vi": "'{found}' không thuộc {choices}: có phải ý bạn là '{guess}'?",
    },
    "value.choice": {
        "en": "'{found}' is not one of {choices}",
        "vi": "'{found}' không thuộc {choices}",
    },
    "type.mapping": {
        "en": "'{field}' must be a mapping of 'key: value' lines",
        "vi": "'{field}' phải là một ánh xạ gồm các dòng 'khóa: giá trị'",
    },
    "type.list": {
        "en": "'{field}' must be a list: one '- ' item per line",
        "vi": "'{field}' phải là một danh sách: mỗi mục một dòng bắt đầu bằng '- '",
    },
    "type.text_field": {"en": "'{field}' must be text", "vi": "'{field}' phải là văn bản"},
    "type.other": {"en": "'{field}' is not valid: {detail}", "vi": "'{field}' không hợp lệ: {detail}"},
    "type.text": {"en": "expected text, found {found}", "vi": "cần văn bản, nhưng gặp {found}"},
    "type.period": {
        "en": "expected a period such as 2025 or 2022H1, found {found}",
        "vi": "cần một kỳ như 2025 hoặc 2022H1, nhưng gặp {found}",
    },
    "type.number": {"en": "expected a number, found {found}", "vi": "cần một số, nhưng gặp {found}"},
    "type.name": {
        "en": "expected a name: text, or {{vi: ..., en: ...}}; found {found}",
        "vi": "cần một tên: văn bản, hoặc {{vi: ..., en: ...}}; nhưng gặp {found}",
    },
    "type.empty_name": {"en": "the name is empty", "vi": "tên đang để trống"},
    "name.languages": {
        "en": "unknown language '{found}' in a name: use vi and en",
        "vi": "ngôn ngữ không xác định '{found}' trong tên: hãy dùng vi và en",
    },
    "name.empty": {
        "en": "a name needs vi, en or both",
        "vi": "tên cần có vi, en hoặc cả hai",
    },
    "id.slug": {
        "en": "'{text}' is not a valid id: use lowercase letters, digits and single hyphens, e.g. beds-per-10k",
        "vi": "'{text}' không phải mã hợp lệ: hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang đơn, ví dụ beds-per-10k",
    },
    "id.base": {
        "en": "'{text}' is not a valid base name: use lowercase letters, digits, '-' and '_', e.g. labour_force",
        "vi": "'{text}' không phải tên mẫu số hợp lệ: hãy dùng chữ thường không dấu, chữ số, '-' và '_', ví dụ labour_force",
    },
    "kind.nothing": {"en": "nothing", "vi": "giá trị rỗng"},
    "kind.boolean": {"en": "true/false", "vi": "true/false"},
    "kind.number": {"en": "a number", "vi": "một số"},
    "kind.mapping": {"en": "a mapping", "vi": "một ánh xạ"},
    "kind.list": {"en": "a list", "vi": "một danh sách"},
    "kind.text": {"en": "text", "vi": "văn bản"},
    "what.count": {"en": "a count", "vi": "số lượng"},
    # --- CSV -----------------------------------------------------------------------------------
    "csv.syntax": {"en": "invalid CSV: {detail}", "vi": "CSV không hợp lệ: {detail}"},
    "csv.no_header": {
        "en": "the file has no header line: the first line names the columns, e.g. {columns}",
        "vi": "tệp không có dòng tiêu đề: dòng đầu tiên phải ghi tên các cột, ví dụ {columns}",
    },
    "csv.duplicate_column": {
        "en": "the column '{name}' appears twice in the header: keep one",
        "vi": "cột '{name}' xuất hiện hai lần trong dòng tiêu đề: chỉ giữ một",
    },
    "csv.unknown_column_guess": {
        "en": "unknown column '{name}': did you mean '{guess}'?",
        "vi": "cột không xác định '{name}': có phải ý bạn là '{guess}'?",
    },
    "csv.unknown_column": {
        "en": "unknown column '{name}': the columns are {known}",
        "vi": "cột không xác định '{name}': các cột hợp lệ là {known}",
    },
    "csv.missing_columns": {
        "en": "the header lacks the required column(s) {names}",
        "vi": "dòng tiêu đề thiếu cột bắt buộc {names}",
    },
    "csv.row_length": {
        "en": "the row has {found} cells but the header has {expected}: check for a stray '{delimiter}' (put text containing it in double quotes) or a missing cell",
        "vi": "dòng có {found} ô nhưng dòng tiêu đề có {expected}: hãy kiểm tra dấu '{delimiter}' thừa (đặt văn bản chứa nó trong dấu nháy kép) hoặc ô bị thiếu",
    },
    "csv.row_length_extra_empty": {
        "en": "the row has {found} cells but the header has {expected}, the extra ones empty: a number written with a decimal comma (28,5) in a file separated by '{delimiter}' splits into two cells — write 28.5, or put the cell in double quotes",
        "vi": "dòng có {found} ô nhưng dòng tiêu đề có {expected}, các ô thừa để trống: số viết với dấu phẩy thập phân (28,5) trong tệp phân cách bằng '{delimiter}' bị tách thành hai ô — hãy viết 28.5, hoặc đặt ô trong dấu nháy kép",
    },
    "csv.unnamed_value": {
        "en": "'{text}' stands in column {column}, which the header leaves unnamed: name the column or delete the value",
        "vi": "'{text}' nằm ở cột {column}, cột không có tên trong dòng tiêu đề: hãy đặt tên cột hoặc xóa giá trị",
    },
    "csv.empty_column_name": {
        "en": "column {column} of the header has no name: name it or delete the column",
        "vi": "cột {column} của dòng tiêu đề không có tên: hãy đặt tên hoặc xóa cột",
    },
    # --- references and values -------------------------------------------------------------
    "what.indicator": {"en": "indicator", "vi": "chỉ tiêu"},
    "what.area": {"en": "area", "vi": "địa bàn"},
    "what.base": {"en": "base", "vi": "mẫu số"},
    "what.plan": {"en": "plan", "vi": "kế hoạch"},
    "reference.unknown_guess": {
        "en": "unknown {what} '{id}': did you mean '{guess}'?",
        "vi": "{what} không xác định '{id}': có phải ý bạn là '{guess}'?",
    },
    "reference.unknown": {
        "en": "unknown {what} '{id}': declare it first",
        "vi": "{what} không xác định '{id}': hãy khai báo trước",
    },
    "row.empty_cell": {"en": "the '{column}' cell is empty", "vi": "ô '{column}' đang để trống"},
    "row.year": {
        "en": "'{text}' is not a year: write four digits between {first} and {last}",
        "vi": "'{text}' không phải một năm: hãy viết bốn chữ số trong khoảng {first}–{last}",
    },
    "value.percent": {
        "en": "'{text}' is above 100 for a percent",
        "vi": "'{text}' lớn hơn 100 đối với một tỷ lệ phần trăm",
    },
    "value.zero_base": {
        "en": "a base of zero cannot be a denominator",
        "vi": "mẫu số bằng 0 thì không thể dùng để chia",
    },
    "observation.conflict": {
        "en": "{indicator} in {area} at {period} is {value} here but {other_value} at {other_period} in {other}: the same observation must have one value",
        "vi": "{indicator} tại {area} kỳ {period} là {value} ở đây nhưng là {other_value} (kỳ {other_period}) ở {other}: một quan sát chỉ có một giá trị",
    },
    "observation.overlap": {
        "en": "{indicator} in {area}: the period {period} overlaps {other_period} ({other}); a flow's periods are summed, so they must not overlap",
        "vi": "{indicator} tại {area}: kỳ {period} chồng lên kỳ {other_period} ({other}); số liệu dạng lũy kế được cộng dồn nên các kỳ không được chồng nhau",
    },
    # --- consistency ------------------------------------------------------------------------
    "unit.percent": {"en": "{value}%", "vi": "{value}%"},
    "unit.per_1k": {"en": "{value} per 1,000", "vi": "{value} trên 1.000"},
    "unit.per_10k": {"en": "{value} per 10,000", "vi": "{value} trên 10.000"},
    "unit.per_100k": {"en": "{value} per 100,000", "vi": "{value} trên 100.000"},
    "unit.count": {"en": "{value}", "vi": "{value}"},
    "count.bare": {"en": "{count}", "vi": "{count}"},
    "count.named": {"en": "{count} {what}", "vi": "{count} {what}"},
    "range.unbounded": {"en": "∞", "vi": "∞"},
    "base.how.census": {"en": "census", "vi": "tổng điều tra"},
    "base.how.estimate": {"en": "estimate", "vi": "ước tính"},
    "base.how.projection": {"en": "projection", "vi": "dự báo"},
    "base.how.derived": {"en": "derived", "vi": "suy ra"},
    "base.how.known": {"en": "as given", "vi": "số liệu"},
    "base.how.interpolated": {"en": "interpolated", "vi": "nội suy"},
    "base.how.extrapolated": {"en": "extrapolated", "vi": "ngoại suy"},
    "warning.count_rate": {
        "en": "{count} at {rate} implies {low}–{high} {noun}; the {base} base for {year} is {value} ({how})",
        "vi": "{count} ở mức {rate} tương ứng với {low}–{high} {noun}; mẫu số {base} năm {year} là {value} ({how})",
    },
    "warning.target_count": {
        "en": "the target count {count} at {rate} implies {low}–{high} {noun}; the {base} base for {year} is {value} ({how})",
        "vi": "số tuyệt đối của mục tiêu, {count} ở mức {rate}, tương ứng với {low}–{high} {noun}; mẫu số {base} năm {year} là {value} ({how})",
    },
    "warning.held_constant": {
        "en": "the {base} base of {area} is known for {first} only, so {year} uses that figure unchanged: {value}",
        "vi": "mẫu số {base} của {area} chỉ có số liệu năm {first}, nên năm {year} dùng nguyên số đó: {value}",
    },
    "warning.extrapolated": {
        "en": "the {base} base of {area} for {year} is extrapolated beyond its known years {first}–{last}: {value}",
        "vi": "mẫu số {base} của {area} năm {year} được ngoại suy ngoài các năm đã biết {first}–{last}: {value}",
    },
    # --- checks ------------------------------------------------------------------------------
    "id.duplicate": {
        "en": "the id '{id}' is already declared on line {line}: ids must be unique",
        "vi": "mã '{id}' đã được khai báo ở dòng {line}: mã phải là duy nhất",
    },
    "indicator.count_base": {
        "en": "an indicator with unit count has no base: remove 'base'",
        "vi": "chỉ tiêu có đơn vị count không có mẫu số: hãy bỏ 'base'",
    },
    "indicator.needs_base": {
        "en": "an indicator with unit {unit} needs 'base': the denominator series in data/bases (e.g. population)",
        "vi": "chỉ tiêu có đơn vị {unit} cần 'base': chuỗi mẫu số trong data/bases (ví dụ population)",
    },
    "indicator.flow": {
        "en": "a flow indicator must have unit count and better: higher",
        "vi": "chỉ tiêu dạng lũy kế (flow) phải có unit: count và better: higher",
    },
    "area.cycle": {
        "en": "the areas' parents form a cycle: {chain}",
        "vi": "quan hệ cấp trên của các địa bàn tạo thành vòng lặp: {chain}",
    },
    # SPEC 8: lifetimes and what an area became
    "area.became_cycle": {
        "en": "the units' 'became' form a cycle: {chain}",
        "vi": "quan hệ 'became' (trở thành) của các đơn vị tạo thành vòng lặp: {chain}",
    },
    "area.since_after_until": {
        "en": "since ({since}) is after until ({until}): the unit must begin before it ends",
        "vi": "since ({since}) sau until ({until}): đơn vị phải bắt đầu trước khi kết thúc",
    },
    "area.became_needs_until": {
        "en": "'{id}' lists what it became but not when it ended: add until (its last day)",
        "vi": "'{id}' ghi các đơn vị nó trở thành nhưng không ghi ngày kết thúc: hãy thêm until (ngày cuối cùng)",
    },
    "area.successor_since": {
        "en": "'{id}' took over from '{area}', so it must begin the day after '{area}' ends: since: {day}, not {since}",
        "vi": "'{id}' tiếp nhận từ '{area}', nên phải bắt đầu ngay sau ngày '{area}' kết thúc: since: {day}, không phải {since}",
    },
    "area.successor_no_since": {
        "en": "'{id}' took over from '{area}', so it must begin the day after '{area}' ends: give it since: {day}",
        "vi": "'{id}' tiếp nhận từ '{area}', nên phải bắt đầu ngay sau ngày '{area}' kết thúc: hãy ghi since: {day}",
    },
    "area.successor_twice": {
        "en": "'{id}' is listed twice in became: list each unit once (with its whole share)",
        "vi": "'{id}' được ghi hai lần trong became: mỗi đơn vị ghi một lần (với toàn bộ tỷ lệ của nó)",
    },
    "area.shares_partial": {
        "en": "some units in the became of '{id}' have a share and some do not: give every one its share, or none",
        "vi": "trong became của '{id}' có đơn vị có share và có đơn vị không: hãy ghi share cho tất cả, hoặc không ghi cho đơn vị nào",
    },
    "area.shares_sum": {
        "en": "the shares add up to {total}, not 1: the parts of a unit's counts and bases that went to each unit make up all of them",
        "vi": "tổng các share là {total}, không phải 1: các phần số lượng và mẫu số chuyển sang từng đơn vị phải cộng lại đủ toàn bộ",
    },
    "area.share_range": {
        "en": "share {share} must be more than 0 and at most 1: the part of the unit that went to this one",
        "vi": "share {share} phải lớn hơn 0 và không quá 1: phần của đơn vị chuyển sang đơn vị này",
    },
    "area.successor_area": {
        "en": "the id of the unit that took the territory",
        "vi": "mã của đơn vị tiếp nhận địa giới",
    },
    "type.successor": {
        "en": "expected an area's id, or {{area: id, share: 0.55}}; found {found}",
        "vi": "cần mã một địa bàn, hoặc {{area: mã, share: 0.55}}; nhưng gặp {found}",
    },
    "area.parent_lifetime": {
        "en": "its parent '{parent}' exists {lifetime}, but this area exists {child}: its figures cannot roll up into the parent on every day; name the parent it had then",
        "vi": "cấp trên '{parent}' tồn tại {lifetime}, nhưng địa bàn này tồn tại {child}: số liệu không thể cộng gộp lên cấp trên vào mọi ngày; hãy ghi cấp trên đúng thời kỳ",
    },
    "area.lifetime_between": {"en": "from {since} until {until}", "vi": "từ {since} đến {until}"},
    "area.lifetime_since": {"en": "from {since} on", "vi": "từ {since}"},
    "area.lifetime_until": {"en": "until {until}", "vi": "đến {until}"},
    "area.lifetime_always": {"en": "at all times", "vi": "mọi thời điểm"},
    "observation.outside_lifetime_flow": {
        "en": "'{area}' existed {lifetime}, but this amount counts all of {period} ({start} to {end}): check the area or the period; the figure is kept",
        "vi": "'{area}' tồn tại {lifetime}, nhưng số liệu này tính cho cả kỳ {period} ({start} đến {end}): hãy kiểm tra địa bàn hoặc kỳ; số liệu vẫn được giữ",
    },
    "observation.outside_lifetime": {
        "en": "'{area}' existed {lifetime}, but this figure is for {period} (dated {date}): check the area or the period; the figure is kept",
        "vi": "'{area}' tồn tại {lifetime}, nhưng số liệu này của kỳ {period} (ngày {date}): hãy kiểm tra địa bàn hoặc kỳ; số liệu vẫn được giữ",
    },
    "plan.id": {
        "en": "the plan's id '{id}' differs from its file name '{stem}': make them the same",
        "vi": "mã kế hoạch '{id}' khác tên tệp '{stem}': hãy đặt giống nhau",
    },
    "plan.period": {
        "en": "the plan ends ({end}) before it starts ({start})",
        "vi": "kế hoạch kết thúc ({end}) trước khi bắt đầu ({start})",
    },
    "plan.duplicate_target": {
        "en": "the indicator '{id}' already has a target in this plan on line {line}: one target per indicator",
        "vi": "chỉ tiêu '{id}' đã có mục tiêu trong kế hoạch này ở dòng {line}: mỗi chỉ tiêu một mục tiêu",
    },
    "target.flow_on_level": {
        "en": "'{id}' is a level indicator: its target is 'value' by a deadline, not a total or per_year",
        "vi": "'{id}' là chỉ tiêu dạng mức (level): mục tiêu của nó là 'value' đến hạn, không phải total hay per_year",
    },
    "target.level_on_flow": {
        "en": "'{id}' is a flow indicator: its target is a 'total' with 'from', or a 'per_year', not a 'value'",
        "vi": "'{id}' là chỉ tiêu dạng lũy kế (flow): mục tiêu của nó là 'total' kèm 'from', hoặc 'per_year', không phải 'value'",
    },
    "target.level_field": {
        "en": "'{field}' belongs to flow targets: remove it",
        "vi": "'{field}' chỉ dùng cho mục tiêu dạng lũy kế: hãy bỏ đi",
    },
    "target.level_needs_value": {
        "en": "the target needs 'value': the level to reach by the deadline",
        "vi": "mục tiêu cần 'value': mức cần đạt đến hạn",
    },
    "target.needs_baseline": {
        "en": "a level target needs 'baseline: {{value: ..., period: ...}}': where it started",
        "vi": "mục tiêu dạng mức cần 'baseline: {{value: ..., period: ...}}': điểm xuất phát",
    },
    "target.flow_value": {
        "en": "a flow target has 'total' or 'per_year', not 'value'",
        "vi": "mục tiêu dạng lũy kế có 'total' hoặc 'per_year', không có 'value'",
    },
    "target.flow_baseline": {
        "en": "a flow target needs no baseline: remove it",
        "vi": "mục tiêu dạng lũy kế không cần baseline: hãy bỏ đi",
    },
    "target.flow_count": {
        "en": "a flow's amounts are counts already: remove 'count'",
        "vi": "số liệu lũy kế đã là số tuyệt đối: hãy bỏ 'count'",
    },
    "target.flow_zero": {
        "en": "'{field}' is {value}: a flow target must be above 0 (the amount to reach; progress is measured against it)",
        "vi": "'{field}' đang là {value}: mục tiêu dạng lũy kế (flow) phải lớn hơn 0 (lượng cần đạt; tiến độ được đo theo lượng này)",
    },
    "target.count_on_count": {
        "en": "for a count indicator the target value is the count: remove 'count'",
        "vi": "với chỉ tiêu đếm số lượng, giá trị mục tiêu chính là số tuyệt đối: hãy bỏ 'count'",
    },
    "target.total_and_per_year": {
        "en": "a flow target has either 'total' or 'per_year', not both",
        "vi": "mục tiêu dạng lũy kế chỉ có 'total' hoặc 'per_year', không có cả hai",
    },
    "target.flow_needs_amount": {
        "en": "a flow target needs 'total' (with 'from') or 'per_year'",
        "vi": "mục tiêu dạng lũy kế cần 'total' (kèm 'from') hoặc 'per_year'",
    },
    "target.total_needs_from": {
        "en": "a 'total' target needs 'from': the first period of its window",
        "vi": "mục tiêu 'total' cần 'from': kỳ đầu tiên của khoảng thời gian",
    },
    "target.per_year_from": {
        "en": "a 'per_year' target counts from the plan's start: remove 'from'",
        "vi": "mục tiêu 'per_year' tính từ khi bắt đầu kế hoạch: hãy bỏ 'from'",
    },
    "target.window": {
        "en": "the window starts ({start}) after the deadline ({end})",
        "vi": "khoảng thời gian bắt đầu ({start}) sau hạn ({end})",
    },
    "target.deadline": {
        "en": "the deadline {by} is not after the baseline {baseline}: the deadline must come later",
        "vi": "hạn {by} không sau kỳ gốc {baseline}: hạn phải muộn hơn",
    },
    "warning.met_at_baseline": {
        "en": "the target {target} by {by} was already met at the baseline ({value} at {period})",
        "vi": "mục tiêu {target} đến {by} đã đạt ngay từ kỳ gốc ({value} tại kỳ {period})",
    },
    "observation.straddle": {
        "en": "the period {period} straddles the edge of the window {window} of plan {plan} ({file}): split it at the window's edge",
        "vi": "kỳ {period} vắt qua ranh giới của khoảng {window} trong kế hoạch {plan} ({file}): hãy tách tại ranh giới",
    },
    "plan.duplicate": {
        "en": "the plan id '{id}' is already used by {other}: plan ids must be unique",
        "vi": "mã kế hoạch '{id}' đã được dùng ở {other}: mã kế hoạch phải là duy nhất",
    },
    "base.conflict": {
        "en": "the {base} base of {area} for {year} is {value} here but {other_value} in {other}: keep one figure",
        "vi": "mẫu số {base} của {area} năm {year} là {value} ở đây nhưng là {other_value} ở {other}: chỉ giữ một số liệu",
    },
    # --- problem listings --------------------------------------------------------------------
    "problems.no_file": {"en": "(the project)", "vi": "(dự án)"},
    "problems.error": {"en": "error", "vi": "lỗi"},
    "problems.warning": {"en": "warning", "vi": "cảnh báo"},
    "problems.summary": {
        "en": "{errors}, {warnings} in {files}",
        "vi": "{errors}, {warnings} trong {files}",
    },
    "plural.errors": {"en": "{n} error|{n} errors", "vi": "{n} lỗi"},
    "plural.warnings": {"en": "{n} warning|{n} warnings", "vi": "{n} cảnh báo"},
    "plural.files": {"en": "{n} file|{n} files", "vi": "{n} tệp"},
    "plural.targets": {"en": "{n} target|{n} targets", "vi": "{n} chỉ tiêu"},
    # --- usage ---------------------------------------------------------------------------------
    "root.not_there": {
        "en": "{origin} {folder}: no targets/ folder there",
        "vi": "{origin} {folder}: không có thư mục targets/ ở đó",
    },
    "root.none": {
        "en": "no project folder: no targets/ in {folder} or above (use --root DIR or ANSINH_ROOT)",
        "vi": "không tìm thấy thư mục dự án: không có targets/ trong {folder} hay các thư mục cha (hãy dùng --root THƯ_MỤC hoặc ANSINH_ROOT)",
    },
    "usage.no_such_path": {"en": "{path}: no such file or folder", "vi": "{path}: không có tệp hay thư mục này"},
    "usage.outside_root": {
        "en": "{path} is not inside the project folder {root}: use --root to choose another",
        "vi": "{path} không nằm trong thư mục dự án {root}: dùng --root để chọn thư mục khác",
    },
    # --- list ----------------------------------------------------------------------------------
    "list.indicators": {"en": "Indicators", "vi": "Chỉ tiêu"},
    "list.areas": {"en": "Areas", "vi": "Địa bàn"},
    "list.plans": {"en": "Plans", "vi": "Kế hoạch"},
    "column.id": {"en": "Id", "vi": "Mã"},
    "column.name": {"en": "Name", "vi": "Tên"},
    "column.unit": {"en": "Unit", "vi": "Đơn vị"},
    "column.better": {"en": "Better", "vi": "Tốt hơn khi"},
    "column.kind": {"en": "Kind", "vi": "Loại"},
    "column.counts": {"en": "Counts", "vi": "Đếm"},
    "column.base": {"en": "Base", "vi": "Mẫu số"},
    "column.level": {"en": "Level", "vi": "Cấp"},
    "column.parent": {"en": "Parent", "vi": "Trực thuộc"},
    "column.area": {"en": "Area", "vi": "Địa bàn"},
    "column.start": {"en": "Start", "vi": "Bắt đầu"},
    "column.end": {"en": "End", "vi": "Kết thúc"},
    "column.targets": {"en": "Targets", "vi": "Số mục tiêu"},
    "column.file": {"en": "File", "vi": "Tệp"},
    "usage.choice": {"en": "'{value}' is not one of {choices}", "vi": "'{value}' không thuộc {choices}"},
    # SPEC 7-8: figures worked out from other areas'
    "warning.rollup_mismatch": {
        "en": "the area's own figure for {period}, {own}, disagrees with the roll-up of its {n} child, {rolled}|the area's own figure for {period}, {own}, disagrees with the roll-up of its {n} children, {rolled}",
        "vi": "số liệu của chính địa bàn kỳ {period}, {own}, không khớp với số cộng gộp từ {n} địa bàn trực thuộc, {rolled}",
    },
    "warning.rollup_extrapolated": {
        "en": "the figure for {period} is worked out from bases extrapolated beyond their known years ({units})",
        "vi": "số liệu kỳ {period} được tính từ mẫu số ngoại suy ra ngoài các năm đã biết ({units})",
    },
    "rollup.missing": {
        "en": "{have} of {of} children have the figure for {period}, so it is not rolled up (missing: {missing})",
        "vi": "{have}/{of} địa bàn trực thuộc có số liệu kỳ {period}, nên chưa cộng gộp được (còn thiếu: {missing})",
    },
    "rollup.no_base": {
        "en": "'{unit}' has no {base} base for {year}, so the figure for {period} cannot be worked out from the units below or before it",
        "vi": "'{unit}' chưa có mẫu số {base} năm {year}, nên chưa tính được số liệu kỳ {period} từ các đơn vị trực thuộc hoặc trước đó",
    },
    "rollup.and_more": {"en": "{units} and {n} more", "vi": "{units} và {n} đơn vị khác"},
    "lineage.missing": {
        "en": "{have} of {of} units across the reorganisation have the figure for {period}, so it cannot be formed (missing: {missing})",
        "vi": "{have}/{of} đơn vị trước/sau sắp xếp có số liệu kỳ {period}, nên chưa tính được (còn thiếu: {missing})",
    },
    "lineage.share": {
        "en": "'{area}' became other units, and '{unit}' took only a share of it ({share}): its figures after the reorganisation cannot be formed from theirs",
        "vi": "'{area}' đã sáp nhập vào các đơn vị khác, và '{unit}' chỉ nhận một phần ({share}): không thể tính số liệu của nó sau sắp xếp từ các đơn vị đó",
    },
    "lineage.shared": {
        "en": "'{area}' became other units, and '{unit}' also took territory from '{other}': its figures after the reorganisation cannot be formed from theirs",
        "vi": "'{area}' đã sáp nhập vào các đơn vị khác, và '{unit}' cũng nhận địa giới từ '{other}': không thể tính số liệu của nó sau sắp xếp từ các đơn vị đó",
    },
    "lineage.undivided": {
        "en": "'{unit}' became {n} units without shares, so its figures cannot be divided among them: give each its share",
        "vi": "'{unit}' trở thành {n} đơn vị mà không ghi share, nên không chia được số liệu của nó cho từng đơn vị: hãy ghi share cho từng đơn vị",
    },
    "warning.stale": {
        "en": "the figure used is for {date}, {months} months before {as_of}: newer data may change the picture",
        "vi": "số liệu được dùng là của ngày {date}, cũ hơn ngày {as_of} {months} tháng: số liệu mới hơn có thể thay đổi đánh giá",
    },
    # --- rows: statuses, headings, units -----------------------------------------------------
    "status.achieved": {"en": "achieved", "vi": "đã đạt"},
    "status.on_track": {"en": "on track", "vi": "đúng tiến độ"},
    "status.no_trend": {"en": "no trend", "vi": "chưa rõ xu hướng"},
    "status.needs_acceleration": {"en": "needs acceleration", "vi": "cần đẩy nhanh"},
    "status.off_track": {"en": "off track", "vi": "chậm tiến độ"},
    "status.regressing": {"en": "regressing", "vi": "đi lùi"},
    "status.missed": {"en": "missed", "vi": "không đạt"},
    "status.no_data": {"en": "no data", "vi": "chưa có số liệu"},
    "heading.area": {"en": "Area", "vi": "Địa bàn"},
    "heading.indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "heading.baseline": {"en": "Baseline", "vi": "Kỳ gốc"},
    "heading.target": {"en": "Target", "vi": "Mục tiêu"},
    "heading.current": {"en": "Latest", "vi": "Hiện tại"},
    "heading.gap": {"en": "Gap", "vi": "Khoảng cách"},
    "heading.per_year": {"en": "Needed a year", "vi": "Cần mỗi năm"},
    "heading.shortfall": {"en": "Shortfall", "vi": "Còn thiếu"},
    "heading.shortfall_per_year": {"en": "Shortfall a year", "vi": "Thiếu mỗi năm"},
    "heading.progress": {"en": "Of the way", "vi": "Đã đi được"},
    "report.legend": {
        "en": "Of the way: how much of the distance from the baseline to the target is covered (of a flow's total). "
        "The number beside a status is the progress ratio that decided it: progress against the time gone.",
        "vi": "Đã đi được: phần quãng đường từ kỳ gốc đến mục tiêu đã đi được (với chỉ tiêu cộng dồn: phần tổng đã đạt). "
        "Số bên cạnh tình trạng là tỷ lệ tiến độ quyết định tình trạng đó: tiến độ so với thời gian đã qua.",
    },
    "heading.percent_of_target": {"en": "Of target", "vi": "So với kế hoạch"},
    "report.warnings_grouped": {
        "en": "{warnings} on {targets} (-v shows each in full, -q none):",
        "vi": "{warnings} ở {targets} (-v để xem đầy đủ từng cảnh báo, -q để ẩn):",
    },
    "report.and_more": {"en": "and {n} more", "vi": "và {n} chỉ tiêu khác"},
    "usage.verbose_and_quiet": {
        "en": "--verbose and --quiet ask for opposite things: give one of them",
        "vi": "--verbose và --quiet trái ngược nhau: chỉ dùng một trong hai",
    },
    "report.fail_on": {
        "en": "--fail-on {option}: {targets} at {status} or worse, exit 3:",
        "vi": "--fail-on {option}: {targets} ở mức {status} hoặc kém hơn, mã thoát 3:",
    },
    "report.percent_of_target": {"en": "{percent}% of target", "vi": "đạt {percent}% kế hoạch"},
    "observation_status.estimate": {"en": "estimate", "vi": "ước tính"},
    "observation_status.preliminary": {"en": "preliminary", "vi": "sơ bộ"},
    "observation_status.final": {"en": "final", "vi": "chính thức"},
    "heading.status": {"en": "Status", "vi": "Tình trạng"},
    "unit.per_year": {"en": "/yr", "vi": "/năm"},
    # A rate's suffix after its number in tables (27,5/10.000), and a difference of percents.
    "unit.suffix.percent": {"en": "%", "vi": "%"},
    "unit.suffix.per_1k": {"en": "/1,000", "vi": "/1.000"},
    "unit.suffix.per_10k": {"en": "/10,000", "vi": "/10.000"},
    "unit.suffix.per_100k": {"en": "/100,000", "vi": "/100.000"},
    "unit.suffix.points": {"en": " pp", "vi": " điểm %"},
    # What a base counts, when the catalogue does not say (bases: counts:).
    "base.noun.population": {"en": "people", "vi": "người"},
    "base.noun.households": {"en": "households", "vi": "hộ"},
    "base.noun.labour_force": {"en": "workers", "vi": "lao động"},
    "base.noun.communes": {"en": "communes", "vi": "xã"},
    "unit.years": {"en": "{n} year|{n} years", "vi": "{n} năm"},
    "target.from_baseline": {"en": "from {value} ({period})", "vi": "từ {value} ({period})"},
    "target.level_text": {"en": "{value} by {by}", "vi": "{value} đến {by}"},
    "target.total_text": {"en": "{total} in {span}", "vi": "{total} trong {span}"},
    "target.per_year_text": {"en": "{amount} to {by}", "vi": "{amount} đến {by}"},
    "report.summary": {"en": "Achieved {achieved} of {total}", "vi": "Đã đạt {achieved}/{total} chỉ tiêu"},
    "report.no_lead": {"en": "(no lead agency)", "vi": "(chưa có cơ quan chủ trì)"},
    "progress.plans": {"en": "Plan files", "vi": "Tệp kế hoạch"},
    "progress.observations": {"en": "Observation files", "vi": "Tệp số liệu"},
    "progress.rows": {"en": "{rows} rows", "vi": "{rows} dòng"},
    "report.gap_title": {"en": "{name} ({id}) as of {as_of}", "vi": "{name} ({id}) tính đến {as_of}"},
    "report.title": {"en": "Targets as of {as_of}", "vi": "Các chỉ tiêu tính đến {as_of}"},
    # --- ansinh compare (SPEC 7) -------------------------------------------------------------
    "compare.title": {
        "en": "{name} ({id}) under {area} as of {as_of}, against {target}",
        "vi": "{name} ({id}) của {area} tính đến {as_of}, so với {target}",
    },
    "compare.tops": {"en": "the areas without a parent", "vi": "các địa bàn cấp cao nhất"},
    "compare.summary": {
        "en": "{meet} of {total} {areas} meet {target}",
        "vi": "{meet}/{total} {areas} đạt {target}",
    },
    "compare.summary_none": {
        "en": "{meet} of {total} {areas} have no {what}",
        "vi": "{meet}/{total} {areas} không còn {what}",
    },
    "compare.no_data": {"en": "{n} with no data", "vi": "{n} chưa có số liệu"},
    "compare.level.country": {"en": "countries", "vi": "quốc gia"},
    "compare.level.province": {"en": "provinces", "vi": "tỉnh, thành phố"},
    "compare.level.district": {"en": "districts", "vi": "quận, huyện"},
    "compare.level.commune": {"en": "communes", "vi": "xã, phường"},
    "compare.level.area": {"en": "areas", "vi": "địa bàn"},
    "compare.meets.yes": {"en": "yes", "vi": "đạt"},
    "compare.meets.no": {"en": "no", "vi": "chưa đạt"},
    "compare.from.observation": {"en": "observed", "vi": "số liệu"},
    "compare.from.rollup": {"en": "rolled up", "vi": "cộng gộp"},
    "compare.from.lineage": {"en": "across the reorganisation", "vi": "qua sắp xếp"},
    "compare.heading.area": {"en": "Area", "vi": "Địa bàn"},
    "compare.heading.rank": {"en": "Rank", "vi": "Hạng"},
    "compare.heading.date": {"en": "Date", "vi": "Ngày"},
    "compare.heading.indicator": {"en": "Indicator", "vi": "Chỉ tiêu"},
    "compare.heading.target": {"en": "Compared with", "vi": "So với mức"},
    "compare.sheet": {"en": "Comparison", "vi": "So sánh"},
    "compare.total": {"en": "Areas compared", "vi": "Số địa bàn so sánh"},
    "compare.with_data": {"en": "With a figure", "vi": "Có số liệu"},
    "compare.meet": {"en": "Meeting the value", "vi": "Đạt mức so sánh"},
    "compare.without_data": {"en": "Without a figure", "vi": "Chưa có số liệu"},
    "compare.heading.value": {"en": "Value", "vi": "Giá trị"},
    "compare.heading.period": {"en": "Period", "vi": "Kỳ"},
    "compare.heading.count": {"en": "Count", "vi": "Số lượng"},
    "compare.heading.meets": {"en": "Meets", "vi": "Đạt"},
    "compare.heading.from": {"en": "From", "vi": "Nguồn"},
    "usage.compare_target": {
        "en": "--target '{value}' is not a number: {detail}",
        "vi": "--target '{value}' không phải là số: {detail}",
    },
    "usage.compare_no_target": {
        "en": "the plans of {area} have no target of {indicator}: give the value to compare with, --target VALUE",
        "vi": "các kế hoạch của {area} không có mục tiêu {indicator}: hãy cho giá trị để so sánh, --target GIÁ_TRỊ",
    },
    "usage.compare_targets": {
        "en": "the plans of {area} have {n} targets of {indicator}: choose the value to compare with, --target VALUE",
        "vi": "các kế hoạch của {area} có {n} mục tiêu {indicator}: hãy chọn giá trị để so sánh, --target GIÁ_TRỊ",
    },
    "usage.compare_total": {
        "en": "the target of {indicator} is a total over years, not a value an area's figure meets: give --target VALUE",
        "vi": "mục tiêu của {indicator} là tổng qua nhiều năm, không phải giá trị để so với số liệu từng địa bàn: hãy cho --target GIÁ_TRỊ",
    },
    # --- --explain -----------------------------------------------------------------------------
    "explain.rollup": {
        "en": "{period}: rolled up from {n} areas below it: {parts}",
        "vi": "{period}: cộng gộp từ {n} địa bàn trực thuộc: {parts}",
    },
    "explain.lineage": {
        "en": "{period}: formed from {n} units across the reorganisation: {parts}",
        "vi": "{period}: tính từ {n} đơn vị trước/sau sắp xếp: {parts}",
    },
    "explain.part_rate": {"en": "{area} {value} ({count} of {base})", "vi": "{area} {value} ({count} trên {base})"},
    "explain.part_value": {"en": "{area} {value}", "vi": "{area} {value}"},
    "explain.part_share": {"en": "{share} of {part}", "vi": "{share} của {part}"},
    "explain.rollup_rate": {
        "en": "Rolled up: {counts} × {scale} ÷ {bases} = {value}",
        "vi": "Cộng gộp: {counts} × {scale} ÷ {bases} = {value}",
    },
    "explain.rollup_sum": {"en": "Rolled up: the sum is {value}", "vi": "Cộng gộp: tổng là {value}"},
    "explain.status": {"en": "Status: {status} — {why}", "vi": "Tình trạng: {status} — {why}"},
    "explain.source": {"en": "Figure used: {where} — {source}", "vi": "Số liệu dùng: {where} — {source}"},
    "explain.written": {"en": "Figure used: {where}", "vi": "Số liệu dùng: {where}"},
    "explain.observation_status": {
        "en": "The figure for {period} is marked {status}, not final: judged as it stands, to be confirmed",
        "vi": "Số liệu {period} là số {status}, chưa phải số chính thức: đánh giá theo số này, cần xác nhận lại",
    },
    "explain.target_count": {"en": "Target count: {how}", "vi": "Số cần đạt: {how}"},
    "explain.current_count": {"en": "Current count: {how}", "vi": "Số hiện có: {how}"},
    "explain.count_unit": {"en": "{count} (the value is a count)", "vi": "{count} (giá trị chính là số lượng)"},
    "explain.count_declared": {"en": "{count} (declared in the plan)", "vi": "{count} (ghi trong kế hoạch)"},
    "explain.count_derived": {
        "en": "{count} (the sum of the parts' counts, rounded to the nearest)",
        "vi": "{count} (tổng số lượng của các phần, làm tròn)",
    },
    "explain.count_observed": {
        "en": "{count} (given with the observation)",
        "vi": "{count} (ghi kèm số liệu quan sát)",
    },
    "explain.count_from_base": {
        "en": "{value} × {base} ÷ {scale} = {exact} → {count} ({rounding}; the {base_name} base for {year}, {kind})",
        "vi": "{value} × {base} ÷ {scale} = {exact} → {count} ({rounding}; mẫu số {base_name} năm {year}, {kind})",
    },
    "explain.round_up": {"en": "rounded up", "vi": "làm tròn lên"},
    "explain.round_down": {"en": "rounded down", "vi": "làm tròn xuống"},
    "explain.round_half_up": {"en": "rounded to the nearest", "vi": "làm tròn"},
    "explain.no_observation": {
        "en": "No observation by {as_of}: the figures that need one are empty",
        "vi": "Chưa có số liệu quan sát đến {as_of}: các số cần số liệu đều để trống",
    },
    "explain.percent_of_target": {
        "en": "Of the target: 100 × {value} ÷ {target} = {percent}%",
        "vi": "Đạt so với mục tiêu: 100 × {value} ÷ {target} = {percent}%",
    },
    "explain.gap": {"en": "Gap: {first} − {second} = {gap}", "vi": "Khoảng cách: {first} − {second} = {gap}"},
    "explain.gap_met": {
        "en": "Gap: 0 — {value} already meets the target {target}",
        "vi": "Khoảng cách: 0 — {value} đã đạt mục tiêu {target}",
    },
    "explain.years_left": {
        "en": "Time left: {date} → {deadline} = {months} months = {years}",
        "vi": "Thời gian còn lại: {date} → {deadline} = {months} tháng = {years}",
    },
    "explain.no_time": {
        "en": "Time left: none — the deadline {deadline} is not after the latest figure ({date})",
        "vi": "Thời gian còn lại: không còn — hạn {deadline} không sau số liệu mới nhất ({date})",
    },
    "explain.required": {
        "en": "Needed a year: {gap} ÷ {years} = {per_year}",
        "vi": "Cần mỗi năm: {gap} ÷ {years} = {per_year}",
    },
    "explain.no_shortfall": {
        "en": "Shortfall: not computed — a count needs a base (data/bases) or a declared count",
        "vi": "Còn thiếu: không tính được — cần mẫu số (data/bases) hoặc số tuyệt đối ghi trong kế hoạch",
    },
    "explain.shortfall": {
        "en": "Shortfall: {first} − {second} = {shortfall}",
        "vi": "Còn thiếu: {first} − {second} = {shortfall}",
    },
    "explain.shortfall_none": {
        "en": "Shortfall: none ({first} against {second})",
        "vi": "Còn thiếu: không ({first} so với {second})",
    },
    "explain.shortfall_per_year": {
        "en": "A year: {shortfall} ÷ {years} = {per_year} (rounded up)",
        "vi": "Mỗi năm: {shortfall} ÷ {years} = {per_year} (làm tròn lên)",
    },
    "explain.no_trend_dates": {
        "en": "Trend: none — the latest figure ({date}) is not after the baseline ({baseline})",
        "vi": "Xu hướng: chưa có — số liệu mới nhất ({date}) không sau kỳ gốc ({baseline})",
    },
    "explain.no_trend_flat": {
        "en": "Progress ratio: none — the target equals the baseline",
        "vi": "Tỷ lệ tiến độ: không tính được — mục tiêu bằng kỳ gốc",
    },
    "explain.expected": {
        "en": "Expected by now: {baseline} + ({target} − {baseline}) × {elapsed} ÷ {planned} months = {expected}",
        "vi": "Mức kỳ vọng đến nay: {baseline} + ({target} − {baseline}) × {elapsed} ÷ {planned} tháng = {expected}",
    },
    "explain.ratio": {
        "en": "Progress ratio: ({value} − {baseline}) ÷ ({expected} − {baseline}) = {ratio}",
        "vi": "Tỷ lệ tiến độ: ({value} − {baseline}) ÷ ({expected} − {baseline}) = {ratio}",
    },
    "explain.projected": {
        "en": "At this pace by {deadline}: {baseline} + ({value} − {baseline}) × {planned} ÷ {elapsed} = {projected}",
        "vi": "Theo đà này đến {deadline}: {baseline} + ({value} − {baseline}) × {planned} ÷ {elapsed} = {projected}",
    },
    "explain.summed": {"en": "Achieved: {terms} = {achieved}", "vi": "Đã thực hiện: {terms} = {achieved}"},
    "explain.growth_observed": {
        "en": "Observed growth (UN method): ({value} ÷ {baseline})^(1 ÷ {years} years) − 1 = {rate}% a year",
        "vi": "Tăng trưởng thực tế (phương pháp LHQ): ({value} ÷ {baseline})^(1 ÷ {years} năm) − 1 = {rate}%/năm",
    },
    "explain.growth_required": {
        "en": "Required growth: ({target} ÷ {baseline})^(1 ÷ {years} years) − 1 = {rate}% a year",
        "vi": "Tăng trưởng cần có: ({target} ÷ {baseline})^(1 ÷ {years} năm) − 1 = {rate}%/năm",
    },
    "explain.growth_ratio": {
        "en": "Growth ratio: {observed}% ÷ {required}% = {ratio} (bands: on track ≥ 0.95, needs acceleration ≥ 0.5, "
        "off track ≥ −0.1, regressing below)",
        "vi": "Tỷ số tăng trưởng: {observed}% ÷ {required}% = {ratio} (ngưỡng: đúng tiến độ ≥ 0,95, cần đẩy nhanh ≥ 0,5, "
        "chậm tiến độ ≥ −0,1, thấp hơn là đi lùi)",
    },
    "explain.growth_flat": {
        "en": "Growth ratio: none — the target asks for no growth (it equals the baseline)",
        "vi": "Tỷ số tăng trưởng: không tính được — mục tiêu bằng kỳ gốc, không cần tăng trưởng",
    },
    "explain.growth_none": {
        "en": "Growth ratio: none — the UN method needs the baseline, the latest figure and the target above 0",
        "vi": "Tỷ số tăng trưởng: không tính được — phương pháp LHQ cần kỳ gốc, số liệu mới nhất và mục tiêu đều lớn hơn 0",
    },
    "explain.growth_projected": {
        "en": "At this growth by {deadline}: {value} × (1 + {rate}%)^{years} = {projected}",
        "vi": "Theo tốc độ tăng này đến {deadline}: {value} × (1 + {rate}%)^{years} = {projected}",
    },
    "explain.percent": {
        "en": "Share of the target: 100 × {achieved} ÷ {total} = {percent}%",
        "vi": "So với mục tiêu: 100 × {achieved} ÷ {total} = {percent}%",
    },
    "explain.flow_met": {"en": "Gap: 0 — {achieved} ≥ {total}", "vi": "Khoảng cách: 0 — {achieved} ≥ {total}"},
    "explain.flow_gap": {"en": "Gap: {total} − {achieved} = {gap}", "vi": "Khoảng cách: {total} − {achieved} = {gap}"},
    "explain.flow_expected": {
        "en": "Expected by {date}: {total} × {elapsed} ÷ {planned} months = {expected}; progress ratio {achieved} ÷ {expected} = {ratio}",
        "vi": "Kỳ vọng đến {date}: {total} × {elapsed} ÷ {planned} tháng = {expected}; tỷ lệ tiến độ {achieved} ÷ {expected} = {ratio}",
    },
    "explain.flow_projected": {
        "en": "At this pace by {deadline}: {achieved} × {planned} ÷ {elapsed} = {projected}",
        "vi": "Theo đà này đến {deadline}: {achieved} × {planned} ÷ {elapsed} = {projected}",
    },
    "explain.no_flow": {
        "en": "No observation inside {start} – {deadline} by {as_of}",
        "vi": "Chưa có số liệu trong khoảng {start} – {deadline} đến {as_of}",
    },
    "explain.no_year": {
        "en": "No calendar year wholly covered by observations by {as_of}",
        "vi": "Chưa có năm nào được số liệu phủ trọn vẹn đến {as_of}",
    },
    "explain.year": {"en": "The latest complete year: {year}", "vi": "Năm trọn vẹn gần nhất: {year}"},
    "explain.per_year_ratio": {
        "en": "Against {per_year} a year: {achieved} ÷ {per_year} = {ratio}",
        "vi": "So với {per_year} mỗi năm: {achieved} ÷ {per_year} = {ratio}",
    },
    "why.no_data": {"en": "no figure by the report's date", "vi": "chưa có số liệu đến ngày báo cáo"},
    "why.achieved": {"en": "the target is met", "vi": "đã đạt mục tiêu"},
    "why.missed": {
        "en": "the deadline {deadline} has passed without the target met",
        "vi": "đã quá hạn {deadline} mà chưa đạt",
    },
    "why.no_trend": {"en": "no progress ratio can be computed", "vi": "chưa tính được tỷ lệ tiến độ"},
    "why.growth_on_track": {
        "en": "growth ratio at least 0.95 (the UN's band)",
        "vi": "tỷ số tăng trưởng từ 0,95 trở lên (ngưỡng của Liên Hợp Quốc)",
    },
    "why.growth_needs_acceleration": {
        "en": "growth ratio from 0.5 to under 0.95 (the UN's band)",
        "vi": "tỷ số tăng trưởng từ 0,5 đến dưới 0,95 (ngưỡng của Liên Hợp Quốc)",
    },
    "why.growth_off_track": {
        "en": "growth ratio from −0.1 to under 0.5 (the UN's band)",
        "vi": "tỷ số tăng trưởng từ −0,1 đến dưới 0,5 (ngưỡng của Liên Hợp Quốc)",
    },
    "why.growth_regressing": {
        "en": "growth ratio below −0.1 (the UN's band): moving away from the target",
        "vi": "tỷ số tăng trưởng dưới −0,1 (ngưỡng của Liên Hợp Quốc): đang xa dần mục tiêu",
    },
    "why.on_track": {"en": "progress ratio at least 0.95", "vi": "tỷ lệ tiến độ từ 0,95 trở lên"},
    "why.needs_acceleration": {
        "en": "progress ratio from 0.5 to under 0.95",
        "vi": "tỷ lệ tiến độ từ 0,5 đến dưới 0,95",
    },
    "why.off_track": {"en": "progress ratio from 0 to under 0.5", "vi": "tỷ lệ tiến độ từ 0 đến dưới 0,5"},
    "why.regressing": {
        "en": "progress ratio below 0: moving away from the target",
        "vi": "tỷ lệ tiến độ dưới 0: đang xa dần mục tiêu",
    },
    # --- the HTML report, its charts and ansinh chart (render/html_report.py, svg_chart.py,
    # terminal_chart.py, pdf.py) ----------------------------------------------------------------
    "html.made": {
        "en": "Made by ansinh {version} from the project's files; figures as of {as_of}.",
        "vi": "Lập bằng ansinh {version} từ các tệp của dự án; số liệu tính đến {as_of}.",
    },
    "html.page": {"en": "Page {page} of {pages}", "vi": "Trang {page}/{pages}"},
    "html.method_linear": {
        "en": "Progress is judged against the straight path from the baseline to the target.",
        "vi": "Tiến độ được đánh giá so với đường thẳng từ kỳ gốc tới mục tiêu.",
    },
    "html.method_cagr": {
        "en": "Progress is judged by compound annual growth rates, as the UN's SDG Progress Chart does.",
        "vi": "Tiến độ được đánh giá theo tốc độ tăng trưởng bình quân năm, như Biểu đồ tiến độ SDG của Liên Hợp Quốc.",
    },
    "html.targets": {"en": "Targets", "vi": "Số chỉ tiêu"},
    "html.percent_of_target": {"en": "Of the target", "vi": "Đạt so với kế hoạch"},
    "html.declared_count": {"en": "The plan's count", "vi": "Số lượng theo kế hoạch"},
    "html.reported_count": {"en": "Count reported", "vi": "Số lượng báo cáo"},
    "html.years_left": {"en": "Time left", "vi": "Thời gian còn lại"},
    "html.target_count": {"en": "Needed at the deadline", "vi": "Số cần đạt"},
    "html.current_count": {"en": "Count now", "vi": "Số hiện có"},
    "html.progress_percent": {"en": "Share achieved", "vi": "Đã thực hiện"},
    "html.progress_ratio": {"en": "Progress ratio", "vi": "Tỷ lệ tiến độ"},
    "html.projected": {"en": "At this pace by {deadline}", "vi": "Theo đà này đến {deadline}"},
    "html.chart_data": {"en": "The chart's figures", "vi": "Số liệu của biểu đồ"},
    "html.period": {"en": "Period", "vi": "Kỳ"},
    "html.value": {"en": "Value", "vi": "Giá trị"},
    "html.what": {"en": "What", "vi": "Nội dung"},
    "html.explain": {"en": "How each figure is worked out", "vi": "Cách tính từng số liệu"},
    "html.summarised": {
        "en": "This report has {total} targets, too many for one page: it shows the count in each status for every group, then the {shown} targets furthest behind in full. Every target is in ansinh report --format json, csv or xlsx.",
        "vi": "Báo cáo có {total} chỉ tiêu, quá nhiều cho một trang: trang này nêu số chỉ tiêu ở từng tình trạng của mỗi nhóm, rồi đầy đủ {shown} chỉ tiêu chậm nhất. Toàn bộ chỉ tiêu có trong ansinh report --format json, csv hoặc xlsx.",
    },
    "html.worst": {"en": "The {n} targets furthest behind", "vi": "{n} chỉ tiêu chậm nhất"},
    "html.by_group": {"en": "Targets by group", "vi": "Số chỉ tiêu theo nhóm"},
    "html.groups_shown": {
        "en": "The {shown} of {total} groups with the most targets missed, regressing or off track.",
        "vi": "{shown} trong {total} nhóm có nhiều chỉ tiêu không đạt, đi lùi hoặc chậm tiến độ nhất.",
    },
    "html.group": {"en": "Group", "vi": "Nhóm"},
    "chart.title": {
        "en": "{indicator} — {area}: observations, baseline, the path and the trend to the target",
        "vi": "{indicator} — {area}: số liệu, kỳ gốc, đường tới mục tiêu và xu hướng",
    },
    "chart.target": {"en": "target {value}", "vi": "mục tiêu {value}"},
    "chart.baseline": {"en": "baseline {value}", "vi": "kỳ gốc {value}"},
    "chart.projected": {"en": "projected {value}", "vi": "dự báo {value}"},
    "chart.deadline": {"en": "deadline {by}", "vi": "hạn {by}"},
    "chart.observed_list": {"en": "observed {points}", "vi": "số liệu {points}"},
    "chart.no_points": {"en": "no observation yet", "vi": "chưa có số liệu"},
    "chart.legend_observed": {"en": "observed", "vi": "số liệu"},
    "chart.legend_unfinished": {"en": "estimate or preliminary", "vi": "ước tính, sơ bộ"},
    "chart.legend_baseline": {"en": "baseline", "vi": "kỳ gốc"},
    "chart.legend_path": {"en": "straight path to the target", "vi": "đường thẳng tới mục tiêu"},
    "chart.legend_trend": {"en": "trend to the deadline", "vi": "xu hướng đến hạn"},
    "chart.legend_target": {"en": "target", "vi": "mục tiêu"},
    "chart.legend_deadline": {"en": "deadline", "vi": "hạn"},
    "chart.latest": {"en": "latest {value}", "vi": "hiện tại {value}"},
    "chart.flow_done": {"en": "{done}: {percent}% of the target", "vi": "{done}: đạt {percent}% mục tiêu"},
    "chart.no_targets": {
        "en": "no plan has a target of {id} (with these filters): nothing to draw",
        "vi": "không kế hoạch nào có chỉ tiêu {id} (theo các điều kiện đã chọn): không có gì để vẽ",
    },
    "pdf.no_browser": {
        "en": "no Chromium to print the PDF with: install it (apt-get install chromium) or set ANSINH_CHROMIUM=/path/to/chromium; --format html writes the same report without one",
        "vi": "không có Chromium để in tệp PDF: hãy cài (apt-get install chromium) hoặc đặt ANSINH_CHROMIUM=/đường/dẫn/chromium; --format html ghi cùng báo cáo mà không cần trình duyệt",
    },
    "pdf.bad_browser": {
        "en": "ANSINH_CHROMIUM names {path}, which is not a program that can be run: set it to Chromium's path, or install Chromium (apt-get install chromium)",
        "vi": "ANSINH_CHROMIUM chỉ tới {path}, không phải chương trình chạy được: hãy đặt đúng đường dẫn tới Chromium, hoặc cài Chromium (apt-get install chromium)",
    },
    "pdf.failed": {
        "en": "Chromium could not print the PDF ({detail}); --format html writes the same report",
        "vi": "Chromium không in được tệp PDF ({detail}); --format html ghi cùng báo cáo",
    },
    "usage.explain_format": {
        "en": "--explain writes text: use it with --format table or markdown",
        "vi": "--explain in ra văn bản: hãy dùng với --format table hoặc markdown",
    },
    # --- files out: -o FILE, workbooks, the CSV for Excel ----------------------------------
    "output.wrote": {"en": "Wrote the report to {file}", "vi": "Đã ghi báo cáo vào {file}"},
    "output.needs_file": {
        "en": "--format {format} writes a file: add -o FILE (or -o - to send it down a pipe)",
        "vi": "--format {format} ghi ra tệp: hãy thêm -o TỆP (hoặc -o - để chuyển qua đường ống)",
    },
    "output.not_to_terminal": {
        "en": "--format {format} is not text and cannot be shown on a terminal: write it with -o FILE",
        "vi": "--format {format} không phải văn bản, không hiện được trên màn hình dòng lệnh: hãy ghi ra tệp bằng -o TỆP",
    },
    "output.unknown_suffix": {
        "en": "cannot tell the format from {file}: end it in one of {suffixes}, or give --format",
        "vi": "không biết định dạng của {file}: hãy đặt đuôi tệp là một trong {suffixes}, hoặc ghi rõ --format",
    },
    "output.suffix_conflict": {
        "en": "--format {format} does not match {file}, whose suffix means {implied}: change the suffix, or leave out --format",
        "vi": "--format {format} không khớp với {file}, đuôi tệp này là định dạng {implied}: hãy đổi đuôi tệp, hoặc bỏ --format",
    },
    "output.not_ours": {
        "en": "nothing written: {file} exists and ansinh did not write it; choose another name, or add --force to replace it",
        "vi": "chưa ghi gì: {file} đã có và không do ansinh ghi; hãy chọn tên khác, hoặc thêm --force để ghi đè",
    },
    "output.saved_since": {
        "en": "nothing written: {file} is a workbook ansinh wrote, but it has been saved since in a spreadsheet and may hold changes; choose another name, or add --force to replace it",
        "vi": "chưa ghi gì: {file} là bảng tính do ansinh ghi, nhưng sau đó đã được lưu lại bằng phần mềm bảng tính và có thể có thay đổi; hãy chọn tên khác, hoặc thêm --force để ghi đè",
    },
    "output.is_folder": {
        "en": "{file} is a folder: give a file name, such as {file}/report.xlsx",
        "vi": "{file} là thư mục: hãy ghi tên tệp, ví dụ {file}/bao-cao.xlsx",
    },
    "output.no_folder": {
        "en": "cannot write {file}: there is no folder {folder}",
        "vi": "không ghi được {file}: không có thư mục {folder}",
    },
    "output.failed": {
        "en": "cannot write {file}: {reason}; nothing was written",
        "vi": "không ghi được {file}: {reason}; chưa ghi gì",
    },
    "output.too_many_rows": {
        "en": "plan {plan} has {rows} targets, more than a sheet holds ({limit}): write it with --format csv",
        "vi": "kế hoạch {plan} có {rows} mục tiêu, nhiều hơn một trang tính chứa được ({limit}): hãy ghi bằng --format csv",
    },
    "sheet.summary": {"en": "Summary", "vi": "Tổng hợp"},
    "sheet.as_of": {"en": "As of", "vi": "Tính đến"},
    "sheet.method": {"en": "Method", "vi": "Phương pháp"},
    "sheet.method_linear": {
        "en": "linear: the straight path from baseline to target",
        "vi": "tuyến tính: đường thẳng từ kỳ gốc đến mục tiêu",
    },
    "sheet.method_cagr": {
        "en": "compound annual growth rate (UN SDG Progress Chart)",
        "vi": "tốc độ tăng trưởng bình quân năm (phương pháp của Liên Hợp Quốc)",
    },
    "sheet.plan": {"en": "Plan", "vi": "Kế hoạch"},
    "sheet.area_id": {"en": "Area id", "vi": "Mã địa bàn"},
    "sheet.indicator_id": {"en": "Indicator id", "vi": "Mã chỉ tiêu"},
    "sheet.lead": {"en": "Lead agency", "vi": "Cơ quan chủ trì"},
    "sheet.baseline_period": {"en": "Baseline period", "vi": "Thời điểm kỳ gốc"},
    "sheet.target_type": {"en": "Target type", "vi": "Loại mục tiêu"},
    "sheet.type_level": {"en": "level by the deadline", "vi": "mức đạt đến hạn"},
    "sheet.type_total": {"en": "total over the window", "vi": "tổng cả giai đoạn"},
    "sheet.type_per_year": {"en": "every year", "vi": "mỗi năm"},
    "sheet.from": {"en": "From", "vi": "Từ ngày"},
    "sheet.deadline": {"en": "Deadline", "vi": "Hạn"},
    "sheet.target_count": {"en": "Target count", "vi": "Số cần đạt"},
    "sheet.current_period": {"en": "Latest period", "vi": "Kỳ số liệu"},
    "sheet.current_status": {"en": "Figure", "vi": "Loại số liệu"},
    "sheet.current_count": {"en": "Latest count", "vi": "Số hiện có"},
    "sheet.years_left": {"en": "Years left", "vi": "Số năm còn lại"},
    "sheet.progress_ratio": {"en": "Progress ratio", "vi": "Tỷ lệ tiến độ"},
    "sheet.projected": {"en": "At this pace by the deadline", "vi": "Theo đà này đến hạn"},
    "sheet.warnings": {"en": "Warnings", "vi": "Cảnh báo"},
    "init.exists": {
        "en": "nothing written: these files already exist and ansinh init never overwrites: {files}",
        "vi": "chưa ghi gì: các tệp sau đã tồn tại và ansinh init không bao giờ ghi đè: {files}",
    },
    "init.failed": {"en": "nothing written: {detail}", "vi": "chưa ghi gì: {detail}"},
    # --- ansinh areas: the official units --------------------------------------------------
    "areas.unknown_guess": {
        "en": "no province is called '{query}': did you mean '{guess}'? Give a province's name or GSO code (ansinh areas --list)",
        "vi": "không có tỉnh, thành phố nào tên '{query}': có phải '{guess}'? Hãy ghi tên hoặc mã GSO của tỉnh (ansinh areas --list)",
    },
    "areas.unknown": {
        "en": "no province is called '{query}': give a province's name or GSO code (ansinh areas --list lists them)",
        "vi": "không có tỉnh, thành phố nào tên '{query}': hãy ghi tên hoặc mã GSO của tỉnh (ansinh areas --list liệt kê)",
    },
    "areas.need_province": {
        "en": "name the province: ansinh areas --province NAME (or its GSO code; ansinh areas --list lists them)",
        "vi": "hãy ghi tỉnh, thành phố: ansinh areas --province TÊN (hoặc mã GSO; ansinh areas --list liệt kê)",
    },
    "areas.part_of": {
        "en": "{old} became part of {new} on 2025-07-01: these are the areas of {new} and of the provinces it was formed from",
        "vi": "{old} đã hợp nhất vào {new} từ 01/7/2025: đây là các địa bàn của {new} và của các tỉnh hợp thành",
    },
    "areas.exists": {
        "en": "nothing written: {path} already exists, and ansinh never overwrites it",
        "vi": "chưa ghi gì: {path} đã tồn tại, và ansinh không ghi đè",
    },
    "areas.written": {"en": "{path}: the areas of {province}", "vi": "{path}: các địa bàn của {province}"},
    "areas.formed_from": {"en": "formed from {names}", "vi": "hợp thành từ {names}"},
    "init.done": {
        "en": "Example project created. Next: cd {folder} && ansinh validate && ansinh report",
        "vi": "Đã tạo dự án mẫu. Tiếp theo: cd {folder} && ansinh validate && ansinh report",
    },
}
