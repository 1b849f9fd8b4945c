# Varnish in front of the agency blog (written for Varnish 7.1, Debian 12's varnish package).
#
# - Public pages are cached as the site's Cache-Control says: `s-maxage` (PUBLIC_CACHE_SECONDS)
#   and `stale-while-revalidate` (PUBLIC_STALE_SECONDS); everything the site marks private or
#   no-store (signed-in staff, form results, previews, errors) is not kept.
# - Signed-in staff (payload-token cookie), a reader with held comments (held-comments cookie),
#   writes, the admin, the API, previews and Next's client-navigation requests go straight to the
#   site.
# - The site sends BAN (CDN_PURGE_URL=http://<this varnish>/) after every public change: every
#   public page is rendered from the same content generation, so all of them are banned at once
#   (Next's content-hashed build files stay). BAN and PURGE are accepted only from `purgers`.
#
# Check it with: varnishd -C -f deploy/varnish/default.vcl
# docs/shared-invalidation.md explains the whole arrangement.
vcl 4.1;

# The site: one instance, or the load balancer in front of several.
backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 30s;
}

# Who may ban or purge: the site's instances. Add their addresses when they run elsewhere.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "BAN" || req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed."));
        }
        if (req.method == "PURGE") {
            # One URL, for an operator's manual purge.
            return (purge);
        }
        ban("obj.http.x-url !~ ^/_next/static/");
        return (synth(200, "Banned."));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(admin|api|preview)(/|\?|$)" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Signed-in staff, and a reader whose post page shows their own held comments.
    if (req.http.Cookie ~ "(^|;\s*)(payload-token|held-comments)=") {
        return (pass);
    }
    if (req.http.Authorization) {
        return (pass);
    }
    # Next's client-side navigation data, and the comment form's outcome page (one reader's).
    if (req.http.RSC || req.http.Next-Action || req.http.Next-Router-State-Tree ||
        req.http.Next-Router-Prefetch || req.url ~ "[?&](_rsc|submitted)(=|&|$)") {
        return (pass);
    }
    # Any other cookie (a measurement script's) does not change a public page: shared without it.
    unset req.http.Cookie;
    # Varnish keeps pages gzipped and would unzip one for every client that does not take gzip:
    # such clients get a plain copy of their own, fetched plain and kept beside the gzipped one.
    if (!req.can_gzip) {
        set req.http.x-plain = "1";
    }
    return (hash);
}

sub vcl_hash {
    if (req.http.x-plain) {
        hash_data("plain");
    }
    # No return: the built-in hash (URL and Host) follows.
}

sub vcl_backend_fetch {
    if (bereq.http.x-plain) {
        unset bereq.http.Accept-Encoding;
        unset bereq.http.x-plain;
    }
}

sub vcl_backend_response {
    # Kept on the cached object so that bans can match it (the ban lurker sees objects only).
    set beresp.http.x-url = bereq.url;
    # No return: Varnish's built-in rules then honour Cache-Control (s-maxage first; private,
    # no-store and Set-Cookie are never cached).
}

sub vcl_deliver {
    unset resp.http.x-url;
}

# A short plain answer to BAN and PURGE, rather than Varnish's error page.
sub vcl_synth {
    if (resp.status == 200 || resp.status == 405) {
        set resp.http.Content-Type = "text/plain; charset=utf-8";
        set resp.body = resp.reason;
        return (deliver);
    }
}
