"""The official document layout (GB/T 9704-2012) in numbers, shared by the .docx and PDF outputs."""

from __future__ import annotations

PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TITLE_PT = 22  # 2号
BODY_PT = 16  # 3号
PAGE_NUMBER_PT = 14  # 4号
LINE_PT = 28.9  # 22 lines in the 225 mm text block
LATIN_FONT = "Times New Roman"

# The names Word on Windows knows, as East Asian fonts.
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
H1_FONT = "黑体"
H2_FONT = "楷体_GB2312"
PAGE_NUMBER_FONT = "宋体"

# Their stand-ins on Linux (fonts-noto-cjk), for the PDF and previews.
SERIF = {"zh-hans": "Noto Serif CJK SC", "zh-hant": "Noto Serif CJK HK", "en": "Noto Serif CJK SC"}
SANS = {"zh-hans": "Noto Sans CJK SC", "zh-hant": "Noto Sans CJK HK", "en": "Noto Sans CJK SC"}
