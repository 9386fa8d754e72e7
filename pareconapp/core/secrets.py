"""PINs and passphrases, stored only as scrypt hashes with a per-secret salt.

The stored form is one self-describing string, ``scrypt$n$r$p$salt$hash`` (salt and hash
in URL-safe base64), so the cost can be raised later without breaking old hashes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from pareconapp.core.i18n import QT_TRANSLATE_NOOP, UserError, UserMessage

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_PIN_DIGITS = 4
MAX_PIN_DIGITS = 12
MIN_PASSPHRASE_LENGTH = 6


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_secret(secret: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """Hash ``secret`` with a fresh random salt; return the storable string."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=HASH_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str) -> bool:
    """Whether ``secret`` matches the stored hash (constant-time comparison)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        actual = hashlib.scrypt(
            secret.encode("utf-8"),
            salt=_unb64(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def check_pin(pin: str) -> str:
    """Return a valid PIN (digits only, 4-12 of them) or raise a clear error."""
    pin = pin.strip()
    if not pin.isdigit() or not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Secrets", "A PIN is {low} to {high} digits."),
                {"low": MIN_PIN_DIGITS, "high": MAX_PIN_DIGITS},
            )
        )
    return pin


def check_passphrase(passphrase: str) -> str:
    """Return a valid facilitator passphrase (at least 6 characters) or raise."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise UserError(
            UserMessage(
                QT_TRANSLATE_NOOP("Secrets", "The passphrase needs at least {n} characters."),
                {"n": MIN_PASSPHRASE_LENGTH},
            )
        )
    return passphrase
