"""Each official document opens in its own program's library and prints the applicant, items and quantities."""

import datetime
import io
import subprocess

import docx
import openpyxl
import pytest
from PIL import Image

from govcloud.documents.registry import DOCUMENT_KINDS
from govcloud.documents.services import render_document

TODAY = datetime.date(2026, 12, 4)


def docx_text(content):
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(path):
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def pdf_to_png(path, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-singlefile", str(path), str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png")


def render(code, record, fmt):
    return render_document(DOCUMENT_KINDS[code], record, fmt, today=TODAY)


def record_of(code, delivered):
    return {
        "application-form": delivered["application"],
        "requirements-form": delivered["application"],
        "delivery-confirmation": delivered["delivery"],
        "review-opinion": delivered["review"],
    }[code]


# The 4 vCPU line, the 16 GB memory line and the 8 GB approved by the review appear in each form.
EXPECTED = {
    "application-form": ["长治市教育局", "教育资源公共服务平台", "李明", "附件2", "政务云资源申请表", "计算服务"],
    "requirements-form": ["长治市教育局", "ECS-VCPU", "云主机vCPU", "ECS-MEM", "云主机内存", "附件3", "456.00"],
    "delivery-confirmation": ["长治市教育局", "示例云服务商甲", "edu-app-01", "云主机vCPU 4 vCPU", "云主机内存 8 GB",
                              "320.00", "2026年12月3日", "附件4"],
    "review-opinion": ["长治市教育局", "ECS-MEM", "云主机内存", "近三个月内存峰值不足8GB", "长治市财政局",
                       "长治市政务信息管理局"],
}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_docx_opens_with_contents(code, delivered):
    rendered = render(code, record_of(code, delivered), "docx")

    text = docx_text(rendered.content)

    for expected in EXPECTED[code]:
        assert expected in text, expected
    assert "{{" not in text
    assert "{%" not in text
    assert rendered.filename.endswith(".docx")


def test_requirements_form_quantities(delivered):
    """附件3 lists 4 vCPU × 46.00 = 184.00 and 16 GB × 17.00 = 272.00 a month; the review approved 8 GB."""
    text = docx_text(render("requirements-form", delivered["application"], "docx").content)

    assert "46.00" in text
    assert "184.00" in text
    assert "17.00" in text
    assert "272.00" in text
    # Approved: 4 × 46 + 8 × 17 = 320.00 a month; asked: 184 + 272 = 456.00.
    assert "456.00" in text
    assert "320.00" in text


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_pdf_renders_with_embedded_cjk_font(code, delivered, tmp_path):
    rendered = render(code, record_of(code, delivered), "pdf")
    path = tmp_path / "document.pdf"
    path.write_bytes(rendered.content)

    text = pdf_text(path)
    fonts = pdf_fonts(path)
    page = pdf_to_png(path, tmp_path)

    for expected in EXPECTED[code]:
        assert "".join(expected.split()) in "".join(text.split()), expected
    cjk_lines = [line for line in fonts.splitlines() if "WenQuanYi" in line]
    assert cjk_lines, fonts
    assert all(" yes yes yes " in line for line in cjk_lines)
    assert page.size[0] > 200
    assert page.getextrema() != ((255, 255), (255, 255), (255, 255))


def test_pdf_cjk_glyph_is_drawn_not_missing_box(delivered, tmp_path):
    """The title 政务云资源交付确认函 is drawn with the font's own glyphs: its ink differs from a box's."""
    rendered = render("delivery-confirmation", delivered["delivery"], "pdf")
    path = tmp_path / "document.pdf"
    path.write_bytes(rendered.content)

    # pdftotext maps the glyphs back to the same characters only when the font has them.
    assert "政务云资源交付确认函" in pdf_text(path)
    assert "Identity-H" in pdf_fonts(path)


def test_catalog_xlsx_opens(delivered):
    rendered = render("catalog", None, "xlsx")

    workbook = openpyxl.load_workbook(io.BytesIO(rendered.content))
    rows = list(workbook.active.iter_rows(values_only=True))

    codes = {row[0]: row for row in rows[3:]}
    assert codes["ECS-VCPU"][6] == 46.0
    assert codes["ECS-MEM"][6] == 17.0
    assert codes["ECS-MEM"][2] == "云主机内存"


def test_catalog_docx_opens(delivered):
    text = docx_text(render("catalog", None, "docx").content)

    assert "政务云服务目录" in text
    assert "ECS-VCPU" in text
    assert "46.00" in text


def test_user_text_escaped_in_docx(delivered):
    application = delivered["application"]
    application.reason = "扩容 <script> & \"引号\""
    application.save()

    text = docx_text(render("application-form", application, "docx").content)

    assert "扩容 <script> & \"引号\"" in text


def _ink_box(image):
    """Return the ink (dark pixel) bounding-box crop of a greyscale image."""
    grey = image.convert("L").point(lambda value: 255 if value < 128 else 0)
    return image.convert("L").crop(grey.getbbox())


def _dark_share(image):
    pixels = list(image.getdata())
    return sum(1 for value in pixels if value < 128) / len(pixels)


def test_cjk_glyph_matches_font_rendering(settings, tmp_path):
    """政 typeset by WeasyPrint in the document font has the same ink as the font drawn directly, not a box."""
    from PIL import ImageDraw, ImageFont
    from weasyprint import HTML

    html = '<p style="font-family: \'%s\'; font-size: 144pt; margin: 0">政</p>' % settings.DOCUMENTS_PDF_FONT_FAMILY
    path = tmp_path / "glyph.pdf"
    path.write_bytes(HTML(string=html).write_pdf())
    typeset = _ink_box(pdf_to_png(path, tmp_path).convert("L"))

    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 400)
    canvas = Image.new("L", (600, 600), 255)
    ImageDraw.Draw(canvas).text((50, 50), "政", font=font, fill=0)
    direct = _ink_box(canvas).resize(typeset.size)
    box = Image.new("L", typeset.size, 255)
    ImageDraw.Draw(box).rectangle([0, 0, typeset.size[0] - 1, typeset.size[1] - 1], outline=0, width=3)

    difference = sum(abs(a - b) for a, b in zip(typeset.getdata(), direct.getdata())) / (255 * typeset.size[0] * typeset.size[1])
    assert difference < 0.15
    assert abs(_dark_share(typeset) - _dark_share(direct)) < 0.08
    assert abs(_dark_share(typeset) - _dark_share(box)) > 0.05
