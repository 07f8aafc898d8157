"""Bytes to text: size limit, binary detection, encoding detection with charset-normalizer."""

from __future__ import annotations

from charset_normalizer import from_bytes

from ..errors import NewsEventsError

# Share of control bytes (other than tab/newline/carriage return/form feed) above which a
# payload is binary rather than text in some legacy encoding.
_BINARY_CONTROL_SHARE = 0.10
_SAMPLE = 8192


def decode(data: bytes, *, source: str, max_bytes: int) -> str:
    """Decode ``data`` or raise NE102 (empty), NE103 (binary), NE104 (too big), NE105."""
    if len(data) > max_bytes:
        raise NewsEventsError("NE104", source, size=len(data), limit=max_bytes)
    if not data.strip():
        raise NewsEventsError("NE102", source)
    sample = data[:_SAMPLE]
    if b"\x00" in sample and not _is_utf16(sample):
        raise NewsEventsError("NE103", source, detail="contains NUL bytes")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise NewsEventsError(
            "NE103", source, detail=f"{controls} control bytes in the first {len(sample)}"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise NewsEventsError("NE105", source, detail="no text encoding fits")
    text = str(guess)
    if text.count("\ufffd") > max(3, len(text) // 100):
        raise NewsEventsError(
            "NE105", source, detail=f"too many invalid bytes for {guess.encoding}"
        )
    return text


def _is_utf16(sample: bytes) -> bool:
    return sample.startswith((b"\xff\xfe", b"\xfe\xff"))
