"""leverkit's exception hierarchy.

Every failure of a leverkit call raises a :class:`LeverError` subclass chosen by the error code
(``NotFound`` for ``not_found``, ``RateLimited`` for ``rate_limited``, ...). Each carries the
code, the HTTP status (0 when no response was received), Lever's own ``code``/``message``, the
request id, ``retry_after`` (seconds, when the server sent Retry-After), the attempts made and
whether retrying later may succeed. Messages are built from parameter names, JSON paths and
Lever's reply; they never contain an API key, token or client secret.
"""

from __future__ import annotations

from typing import Dict, Optional, Type


class LeverError(Exception):
    """Base class of every leverkit error."""

    code: str
    status: int
    lever_code: Optional[str]
    lever_message: Optional[str]
    request_id: Optional[str]
    retry_after: Optional[float]
    attempts: int
    retryable: bool

    def __init__(
        self,
        message: str,
        *,
        code: str = "unexpected_status",
        status: int = 0,
        lever_code: Optional[str] = None,
        lever_message: Optional[str] = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
        attempts: int = 0,
        retryable: bool = False,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        self.lever_code = lever_code
        self.lever_message = lever_message
        self.request_id = request_id
        self.retry_after = retry_after
        self.attempts = attempts
        self.retryable = retryable

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class TransportError(LeverError):
    """Below HTTP: connect, TLS, reset, truncated body."""


class Timeout(LeverError):
    """A connect or whole-call timeout elapsed."""


class Cancelled(LeverError):
    """The call's CancellationSource fired."""


class BadRequest(LeverError):
    """HTTP 400: Lever rejected a parameter or body."""


class Unauthorized(LeverError):
    """HTTP 401: missing or invalid credentials."""


class Forbidden(LeverError):
    """HTTP 403: the key or token lacks a permission."""


class NotFound(LeverError):
    """HTTP 404."""


class Conflict(LeverError):
    """HTTP 409/422: the request conflicts with the resource's state."""


class RateLimited(LeverError):
    """HTTP 429 after the retries were used up."""


class ServerError(LeverError):
    """HTTP 5xx after the retries were used up."""


class UnexpectedStatus(LeverError):
    """Any other non-2xx status."""


class DecodeError(LeverError, ValueError):
    """A response or input document does not have the expected shape (the message names the JSON path)."""


class InvalidArgument(LeverError, ValueError):
    """Rejected before any request was sent (the message names the parameter)."""


class StaleCursor(LeverError):
    """Lever refused a pagination token: restart the listing."""


class AuthFailed(LeverError):
    """OAuth: the grant is dead or the token exchange failed."""


class IoError(LeverError):
    """A local file or stream failed."""


_BY_CODE: Dict[str, Type[LeverError]] = {
    "transport": TransportError,
    "timeout": Timeout,
    "cancelled": Cancelled,
    "bad_request": BadRequest,
    "unauthorized": Unauthorized,
    "forbidden": Forbidden,
    "not_found": NotFound,
    "conflict": Conflict,
    "rate_limited": RateLimited,
    "server_error": ServerError,
    "unexpected_status": UnexpectedStatus,
    "decode_error": DecodeError,
    "invalid_argument": InvalidArgument,
    "stale_cursor": StaleCursor,
    "auth_failed": AuthFailed,
    "io_error": IoError,
}


def error_class(code: str) -> Type[LeverError]:
    """The exception class raised for an error code ("not_found" -> NotFound)."""
    return _BY_CODE.get(code, LeverError)


def _from_native(
    code: str,
    message: str,
    status: int,
    lever_code: str,
    lever_message: str,
    request_id: str,
    retry_after: Optional[float],
    attempts: int,
    retryable: bool,
) -> LeverError:
    # Called by the native module to build the exception it raises.
    return error_class(code)(
        message,
        code=code,
        status=status,
        lever_code=lever_code or None,
        lever_message=lever_message or None,
        request_id=request_id or None,
        retry_after=retry_after,
        attempts=attempts,
        retryable=retryable,
    )


__all__ = ["LeverError", "error_class"] + sorted(c.__name__ for c in _BY_CODE.values())
