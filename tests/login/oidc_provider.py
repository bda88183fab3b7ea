"""Run a real OpenID Connect provider on loopback, and sign in at it.

The provider is ``provider/provider.mjs`` (npm ``oidc-provider`` v9 under
Node.js); ``provider/README.md`` describes its accounts, forms and options.
This module has no pytest fixtures: tests build their own from these parts.

    reason = ensure_provider_installed()
    if reason:
        require_or_skip(reason)  # a skip, or a failure under MOIN_REQUIRE_SERVICES=1
    app = OIDCClient("app", "secret", ["http://127.0.0.1:8000/cb"])
    with running_provider(clients=[app]) as issuer:
        ...  # issuer == "http://127.0.0.1:<port>"
        async with httpx.AsyncClient() as browser:
            final = await complete_login(authorize_url, "alice@acme.example", client=browser)
        # final == "http://127.0.0.1:8000/cb?code=...&state=...&iss=..."

``complete_login`` is async and takes an ``httpx.AsyncClient`` (the "browser":
keep one per simulated person, since it holds the provider's session cookie);
``complete_login_sync`` does the same with an ``httpx.Client``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import parse_qs, urljoin, urlsplit

from tests.npm import ensure_npm_packages

if TYPE_CHECKING:
    import httpx

__all__ = [
    "CONFIG_ENV",
    "PROVIDER_DIR",
    "LoginFlowError",
    "OIDCClient",
    "ProviderProcess",
    "ProviderStartError",
    "ProviderUnavailable",
    "complete_login",
    "complete_login_sync",
    "ensure_provider_installed",
    "expected_claims",
    "expected_sub",
    "find_node",
    "require_or_skip",
    "running_provider",
    "unsigned_token",
]

PROVIDER_DIR = Path(__file__).resolve().parent / "provider"
PROVIDER_SCRIPT = PROVIDER_DIR / "provider.mjs"
CONFIG_ENV = "MOIN_OIDC_PROVIDER_CONFIG"
REQUIRE_ENV = "MOIN_REQUIRE_SERVICES"
MIN_NODE_MAJOR = 20


# ---------------------------------------------------------------- skip or fail


def require_or_skip(reason: str) -> NoReturn:
    """Skip the current test for ``reason``; fail it if MOIN_REQUIRE_SERVICES=1.

    CI sets MOIN_REQUIRE_SERVICES=1 so that a missing Node.js or a broken npm
    install shows up red instead of quietly skipping the sign-in tests.
    """
    import pytest

    print(f"oidc provider unavailable: {reason}", file=sys.stderr)
    if os.environ.get(REQUIRE_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_ENV}=1, so this is a failure)", pytrace=False)
    pytest.skip(reason)


# ---------------------------------------------------------------- accounts


def expected_sub(login: str) -> str:
    """The ``sub`` the provider gives the account signed in as ``login``.

    Opaque, stable across restarts and the same for every client.
    Mirrors ``subFor`` in provider.mjs.
    """
    digest = hashlib.sha256(f"moin-test-oidc:{login}".encode()).hexdigest()
    return f"sub-{digest[:32]}"


def expected_claims(login: str) -> dict[str, Any]:
    """``sub``, ``name`` and (for a login with "@") ``email``/``email_verified``.

    Mirrors ``claimsFor`` in provider.mjs: ``bob.smith@acme.example`` gives
    name "Bob Smith", email as typed, email_verified true; a login starting
    with ``unverified-`` gives email_verified false; a login without "@" has
    no e-mail claims at all.
    """
    local = login.split("@")[0].removeprefix("unverified-")
    words = [w for w in re.split(r"[._+-]+", local) if w]
    name = " ".join(w[0].upper() + w[1:] for w in words) if words else login
    claims: dict[str, Any] = {"sub": expected_sub(login), "name": name}
    if "@" in login:
        claims["email"] = login
        claims["email_verified"] = not login.startswith("unverified-")
    return claims


# ---------------------------------------------------------------- forged tokens


def unsigned_token(claims: Mapping[str, Any], header: Mapping[str, Any] | None = None) -> str:
    """A JWT with ``alg: none`` and an empty signature, for refusal tests.

    joserfc will not make one, so it is put together by hand. For a token
    signed by a key the provider does not publish, see provider/README.md.
    """

    def part(obj: Mapping[str, Any]) -> str:
        raw = json.dumps(dict(obj), separators=(",", ":")).encode()
        return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()

    return f"{part(header or {'alg': 'none', 'typ': 'JWT'})}.{part(claims)}."


# ---------------------------------------------------------------- installing


class ProviderUnavailable(RuntimeError):
    """Node.js or npm is missing, or the npm install failed: skip-worthy."""


class ProviderStartError(RuntimeError):
    """The provider process did not come up (a real failure, with its log)."""


def find_node() -> str | None:
    """Path of ``node`` (env MOIN_NODE overrides), or None."""
    return os.environ.get("MOIN_NODE") or shutil.which("node")


def _node_major(node: str) -> int | None:
    try:
        out = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()
        return int(out.lstrip("v").split(".")[0])
    except (OSError, subprocess.SubprocessError, ValueError):
        return None


def ensure_provider_installed(*, timeout: float = 600) -> str | None:
    """Make ``provider/node_modules`` ready; None when ready, else the reason.

    Checks Node.js, then runs ``npm ci`` when node_modules does not hold what the lock
    file pins (tests.npm.ensure_npm_packages, which keeps parallel test processes from
    installing at once).
    """
    node = find_node()
    if node is None:
        return "Node.js (`node`) is not on PATH: the OIDC provider tests need Node.js >= 20"
    major = _node_major(node)
    if major is None:
        return f"`{node} --version` failed: cannot run Node.js"
    if major < MIN_NODE_MAJOR:
        return f"Node.js {major} found, oidc-provider 9 needs Node.js >= {MIN_NODE_MAJOR}"
    return ensure_npm_packages(PROVIDER_DIR, timeout=timeout)


# ---------------------------------------------------------------- running


@dataclass(frozen=True)
class OIDCClient:
    """A client (relying party) registered at the provider.

    Without ``client_secret`` the client is public (token_endpoint_auth_method
    "none"). ``metadata`` adds or overrides any oidc-provider client metadata
    (snake_case), e.g. ``{"token_endpoint_auth_method": "client_secret_post"}``.
    """

    client_id: str
    client_secret: str | None
    redirect_uris: Sequence[str]
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "client_id": self.client_id,
            "redirect_uris": list(self.redirect_uris),
        }
        if self.client_secret is not None:
            data["client_secret"] = self.client_secret
        data.update(self.metadata)
        return data


def _client_json(client: OIDCClient | Mapping[str, Any]) -> dict[str, Any]:
    return client.to_json() if isinstance(client, OIDCClient) else dict(client)


class ProviderProcess:
    """One provider process. ``start()`` blocks until it prints its issuer.

    Use as a context manager (``with ProviderProcess(clients) as p: p.issuer``)
    or call ``start()``/``stop()``. Its stderr goes to ``log_path``; read it
    with ``log_text()`` (useful in assertion messages: the provider logs why a
    token request was refused, e.g. "code_verifier does not match code_challenge").
    """

    def __init__(
        self,
        clients: Iterable[OIDCClient | Mapping[str, Any]],
        *,
        port: int = 0,
        ttl: Mapping[str, int] | None = None,
        jwks: Mapping[str, Any] | None = None,
        startup_timeout: float = 30.0,
    ) -> None:
        self.config: dict[str, Any] = {
            "port": port,
            "clients": [_client_json(c) for c in clients],
        }
        if ttl:
            self.config["ttl"] = dict(ttl)
        if jwks:
            self.config["jwks"] = dict(jwks)
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.issuer: str = ""
        self.port: int = 0
        self.startup_seconds: float = 0.0
        self._log_dir: str | None = None
        self.log_path: Path | None = None

    # -- lifecycle

    def start(self) -> ProviderProcess:
        reason = ensure_provider_installed()
        if reason:
            raise ProviderUnavailable(reason)
        node = find_node()
        assert node is not None
        self._log_dir = tempfile.mkdtemp(prefix="moin-oidc-")
        self.log_path = Path(self._log_dir) / "provider.log"
        env = {**os.environ, CONFIG_ENV: json.dumps(self.config)}
        started = time.monotonic()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [node, str(PROVIDER_SCRIPT)],
                cwd=PROVIDER_DIR,
                env=env,
                stdin=subprocess.PIPE,  # closing it (or our death) stops the provider
                stdout=subprocess.PIPE,
                stderr=log,
            )
        try:
            line = self._read_issuer_line(self.process, self.startup_timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - started
        self.issuer = line["issuer"]
        self.port = int(line["port"])
        return self

    def _read_issuer_line(self, proc: subprocess.Popen[bytes], timeout: float) -> dict[str, Any]:
        lines: queue.Queue[bytes | None] = queue.Queue()

        def pump() -> None:
            assert proc.stdout is not None
            for raw in proc.stdout:
                lines.put(raw)
            lines.put(None)

        threading.Thread(target=pump, name="oidc-provider-stdout", daemon=True).start()
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                raw = lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                raise ProviderStartError(
                    f"the OIDC provider printed no issuer within {timeout:.0f} s\n"
                    f"--- its log ---\n{self.log_text()}"
                ) from None
            if raw is None:
                code = proc.wait(timeout=5)
                raise ProviderStartError(
                    f"the OIDC provider exited (code {code}) before printing its issuer\n"
                    f"--- its log ---\n{self.log_text()}"
                )
            with contextlib.suppress(ValueError):
                data = json.loads(raw)
                if isinstance(data, dict) and "issuer" in data:
                    return data

    def stop(self, timeout: float = 5.0) -> int | None:
        """Stop the provider (close stdin, then SIGTERM, then SIGKILL)."""
        proc, self.process = self.process, None
        code = None
        if proc is not None:
            if proc.stdin:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            try:
                code = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGTERM)
                try:
                    code = proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    code = proc.wait()
            if proc.stdout:
                proc.stdout.close()
        if self._log_dir:
            shutil.rmtree(self._log_dir, ignore_errors=True)
            self._log_dir = None
        return code

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace") if self.log_path else ""
        except OSError:
            return ""

    def __enter__(self) -> ProviderProcess:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextlib.contextmanager
def running_provider(
    clients: Iterable[OIDCClient | Mapping[str, Any]],
    **options: Any,
) -> Iterator[str]:
    """``with running_provider(clients=[...]) as issuer:`` — see ProviderProcess.

    Raises ProviderUnavailable (skip-worthy: pass its message to
    require_or_skip) or ProviderStartError (a real failure).
    """
    with ProviderProcess(clients, **options) as provider:
        yield provider.issuer


# ---------------------------------------------------------------- signing in


class LoginFlowError(RuntimeError):
    """The provider did not lead to the redirect_uri (error page, odd form…)."""


@dataclass
class _Form:
    action: str | None
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    names: set[str] = field(default_factory=set)


class _FormParser(HTMLParser):
    """Collects <form>s with their named <input>s; also the error <pre>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[_Form] = []
        self._form: _Form | None = None
        self._in_pre = False
        self.pre_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = _Form(action=a.get("action"), method=a.get("method", "get").lower())
            self.forms.append(self._form)
        elif tag in ("input", "button") and self._form is not None:
            name = a.get("name")
            kind = a.get("type", "text" if tag == "input" else "submit").lower()
            if not name:
                return
            self._form.names.add(name)
            # Submit buttons only count when clicked; checkboxes when checked.
            if kind in ("submit", "button", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self._form.fields.append((name, a.get("value", "")))
        elif tag == "pre":
            self._in_pre = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self.pre_text.append(data)


_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass
class _Step:
    method: str
    url: str
    data: list[tuple[str, str]] | None = None


class _LoginFlow:
    """The login walk without I/O: feed responses, get the next request."""

    def __init__(
        self, authorize_url: str, login: str, password: str, redirect_uri: str | None
    ) -> None:
        query = parse_qs(urlsplit(authorize_url).query)
        self.redirect_uri = redirect_uri or (query.get("redirect_uri") or [None])[0]
        self.provider_origin = _origin(authorize_url)
        self.login = login
        self.password = password
        self.history: list[str] = []

    def first(self, authorize_url: str) -> _Step:
        return _Step("GET", authorize_url)

    def is_redirect_target(self, url: str) -> bool:
        if self.redirect_uri is not None:
            want = urlsplit(self.redirect_uri)
            got = urlsplit(url)
            if (got.scheme, got.netloc, got.path) == (want.scheme, want.netloc, want.path):
                return True
        return _origin(url) != self.provider_origin

    def next(self, step: _Step, status: int, headers: Mapping[str, str], text: str) -> _Step | str:
        """The next request, or the final redirect URL (a str)."""
        self.history.append(f"{step.method} {step.url} -> {status}")
        if len(self.history) > 20:
            raise self._error("more than 20 steps without reaching the redirect_uri", text)
        if status in _REDIRECTS:
            location = headers.get("location")
            if not location:
                raise self._error(f"HTTP {status} without a Location header", text)
            target = urljoin(step.url, location)
            if self.is_redirect_target(target):
                return target
            if status in (307, 308):
                return _Step(step.method, target, step.data)
            return _Step("GET", target)
        if status != 200:
            raise self._error(f"HTTP {status} from the provider", text)
        parser = _FormParser()
        parser.feed(text)
        parser.close()
        form = self._pick_form(parser.forms)
        if form is None:
            raise self._error("a page without a form to submit", text, parser)
        action = urljoin(step.url, form.action or step.url)
        if self.is_redirect_target(action):
            raise self._error(
                "the provider answered with a form aimed at the redirect_uri "
                "(response_mode=form_post?), which complete_login does not handle",
                text,
            )
        data = [(k, v) for k, v in form.fields if k not in ("login", "password")]
        if "login" in form.names:
            data.append(("login", self.login))
        if "password" in form.names:
            data.append(("password", self.password))
        return _Step(form.method.upper(), action, data)

    @staticmethod
    def _pick_form(forms: list[_Form]) -> _Form | None:
        # The login form has input[name=login]; the consent form a hidden
        # prompt=consent. Prefer a POST form; fall back to any form.
        for form in forms:
            if "login" in form.names:
                return form
        for form in forms:
            if form.method == "post":
                return form
        return forms[0] if forms else None

    def _error(self, what: str, text: str, parser: _FormParser | None = None) -> LoginFlowError:
        if parser is None:
            parser = _FormParser()
            with contextlib.suppress(Exception):
                parser.feed(text)
        detail = "".join(parser.pre_text).strip() or text.strip()[:1500]
        steps = "\n  ".join(self.history)
        return LoginFlowError(f"{what}\nsteps:\n  {steps}\nprovider said:\n{detail}")


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


async def complete_login(
    authorize_url: str,
    login: str,
    *,
    client: httpx.AsyncClient,
    password: str = "any-password",
    redirect_uri: str | None = None,
) -> str:
    """Sign in at the provider as ``login``; return the redirect_uri URL it sends to.

    Starting from ``authorize_url`` (a provider authorization URL, e.g. the
    Location the app under test answered with), follow the provider's
    redirects, fill and submit its login form and its consent form, and stop
    at the first redirect to ``redirect_uri`` (default: the authorization
    URL's redirect_uri parameter; any redirect off the provider's origin also
    stops). That URL, not followed, carries ``code``, ``state`` and ``iss`` on
    success, or ``error``/``error_description`` when the provider refused the
    request (e.g. no PKCE challenge). Raises LoginFlowError when the provider
    shows an error page instead (unregistered redirect_uri, unknown client).

    ``client`` is the simulated browser: its cookie jar keeps the provider's
    session, so a second sign-in with the same client may skip the forms.
    """
    flow = _LoginFlow(authorize_url, login, password, redirect_uri)
    step: _Step | str = flow.first(authorize_url)
    while isinstance(step, _Step):
        response = await client.request(
            step.method,
            step.url,
            data=dict(step.data) if step.data else None,
            follow_redirects=False,
        )
        step = flow.next(step, response.status_code, response.headers, response.text)
    return step


def complete_login_sync(
    authorize_url: str,
    login: str,
    *,
    client: httpx.Client,
    password: str = "any-password",
    redirect_uri: str | None = None,
) -> str:
    """``complete_login`` with a synchronous ``httpx.Client``."""
    flow = _LoginFlow(authorize_url, login, password, redirect_uri)
    step: _Step | str = flow.first(authorize_url)
    while isinstance(step, _Step):
        response = client.request(
            step.method,
            step.url,
            data=dict(step.data) if step.data else None,
            follow_redirects=False,
        )
        step = flow.next(step, response.status_code, response.headers, response.text)
    return step
