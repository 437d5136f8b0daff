"""leverkit: the Lever Data API from Python, on leverkit's C++ core.

* ``Client`` — one method per Lever operation (``list_opportunities``, ``create_note``, ...),
  each taking one request object; lists return lazy paginators with a resumable token.
* Models (``Opportunity``, ``Interview``, ...) are typed, read-only objects with ``to_dict()``.
* Errors raise :class:`LeverError` subclasses (``NotFound``, ``RateLimited``, ...).
* ``Matcher`` links recorded calls to Lever interviews; ``autofill`` drafts feedback forms.

The GIL is released during network I/O and engine work; threads share one rate limit per key.

    import leverkit
    client = leverkit.Client(leverkit.ApiKeyCredentials(key), base_url="http://127.0.0.1:8080/v1")
    for opp in client.list_opportunities(leverkit.ListOpportunitiesRequest(limit=100)):
        print(opp.id, opp.name)
"""

from __future__ import annotations

from ._leverkit import *  # noqa: F401,F403
from ._leverkit import HAS_INTEGRATION as HAS_INTEGRATION
from .errors import (
    AuthFailed as AuthFailed,
    BadRequest as BadRequest,
    Cancelled as Cancelled,
    Conflict as Conflict,
    DecodeError as DecodeError,
    Forbidden as Forbidden,
    InvalidArgument as InvalidArgument,
    IoError as IoError,
    LeverError as LeverError,
    NotFound as NotFound,
    RateLimited as RateLimited,
    ServerError as ServerError,
    StaleCursor as StaleCursor,
    Timeout as Timeout,
    TransportError as TransportError,
    UnexpectedStatus as UnexpectedStatus,
    Unauthorized as Unauthorized,
    error_class as error_class,
)

__version__ = "0.1.0"

