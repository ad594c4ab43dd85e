vcl 4.1;
# Varnish in front of Byline, purging by cache tag with the xkey vmod (README "Behind a CDN").
# Needs Varnish 6 or later and varnish-modules (Debian: apt-get install varnish varnish-modules).
#
# Byline's side, on every app instance:
#   BYLINE_SURROGATE_KEYS=1                                  pages carry Surrogate-Key
#   BYLINE_PURGE_URL=http://<varnish>:6081/.byline/purge     expiries are POSTed here
#   BYLINE_PURGE_TOKEN=<the same value as PURGE_TOKEN below> (optional, see vcl_recv)
#   TRUSTED_PROXIES=<varnish's address>                      it sets X-Forwarded-For
#
# The webhook's POST carries the expired tags twice: as JSON {"tags": [...]}, which Varnish
# cannot read without a third-party vmod, and space-separated in an `xkey-purge` header, which
# xkey.purge() takes as it is. So Varnish purges straight from the webhook, with no bridge.
# Byline spells tags without spaces or commas (percent-encoding anything else), the two
# characters xkey splits on.

import xkey;

backend byline {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = {
        .url = "/robots.txt";
        .interval = 5s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

# Who may purge: the app instances (and the job worker, which also expires tags).
acl purgers {
    "127.0.0.1";
    "::1";
    # "10.0.0.0"/8;
}

sub vcl_recv {
    # The purge webhook (BYLINE_PURGE_URL).
    if (req.url ~ "^/\.byline/purge(\?.*)?$") {
        if (req.method != "POST") {
            return (synth(405, "POST only"));
        }
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        # With BYLINE_PURGE_TOKEN set, require it too (replace PURGE_TOKEN with its value):
        # if (req.http.Authorization != "Bearer PURGE_TOKEN") {
        #     return (synth(401, "Unauthorized"));
        # }
        if (!req.http.xkey-purge) {
            return (synth(400, "No xkey-purge header"));
        }
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.n-gone + " objects"));
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (Payload's session cookie), draft mode, server actions and API tokens see their own
    # pages; Byline answers them `private, no-store` and without Surrogate-Key.
    if (req.http.Cookie ~ "(^|;\s*)(payload-token|__prerender_bypass)=" ||
        req.http.Authorization || req.http.Next-Action) {
        return (pass);
    }
    # Next.js client-router payloads (RSC) carry no Surrogate-Key, so a purge could not reach
    # them; they go to Byline, which answers them from its own cache.
    if (req.http.RSC || req.http.Next-Router-Prefetch || req.url ~ "[?&]_rsc=") {
        return (pass);
    }
    # Routes that read the reader's cookies: admin, API, reader sign-in, own comments, search.
    if (req.url ~ "^/(admin|api|auth|comments|signin|search|preview|exit-preview)(/|\?|$)") {
        return (pass);
    }
    # Every other page is the same for every reader (their own state comes from /auth/session
    # and /comments/mine in the browser), so their cookies do not split the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (beresp.http.Surrogate-Key) {
        # xkey indexes the object by the keys in its `xkey` header.
        set beresp.http.xkey = beresp.http.Surrogate-Key;
        # A tagged page is purged when it changes, so it may stay much longer than the minute
        # its Cache-Control (s-maxage=60) allows a cache that is not told of changes. If the
        # webhook cannot reach Varnish, Byline keeps the tags and tries again every 30 s.
        if (beresp.status == 200 && beresp.ttl > 0s) {
            set beresp.ttl = 1d;
            set beresp.grace = 5m;
        }
    }
    # Everything else keeps Byline's own Cache-Control (s-maxage, stale-while-revalidate as grace).
}

sub vcl_deliver {
    # The keys are for this cache, not for browsers.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
}
