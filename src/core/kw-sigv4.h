/* kw-sigv4.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kw-aws-credentials.h"

G_BEGIN_DECLS

/* AWS Signature Version 4, as plain functions over plain structs: no GObject,
 * no I/O, and the clock is a parameter, so every case of the AWS test suite
 * can be replayed byte for byte. */

/**
 * KwSigv4Request:
 *
 * The parts of an HTTP request that SigV4 signs. Opaque; free with
 * kw_sigv4_request_free().
 */
typedef struct _KwSigv4Request KwSigv4Request;

/**
 * KwSigv4Result:
 * @amz_date: the `X-Amz-Date` value, e.g. `20150830T123600Z`
 * @canonical_request: the canonical request that was hashed
 * @string_to_sign: the string the signature is computed over
 * @signature: the signature, in lowercase hex
 * @authorization: the whole `Authorization` header value; never log it
 *
 * What kw_sigv4_sign() computed. The canonical request holds the session
 * token when there is one, but never the secret key.
 */
typedef struct
{
  char *amz_date;           /* X-Amz-Date value, e.g. 20150830T123600Z */
  char *canonical_request;
  char *string_to_sign;
  char *signature;          /* lowercase hex */
  char *authorization;      /* the whole Authorization header value */
} KwSigv4Result;

/**
 * kw_sigv4_request_new:
 * @method: the HTTP method, e.g. `POST`
 * @path: (nullable): the path as sent, without the query; %NULL or empty means `/`
 * @query: (nullable): the query string, without the `?`, raw or percent-encoded
 *
 * Starts describing a request to sign, with path normalization on (as every
 * service but S3 expects) and an empty payload.
 *
 * Returns: (transfer full): a new request
 */
KwSigv4Request *kw_sigv4_request_new        (const char           *method,
                                             const char           *path,
                                             const char           *query);

/**
 * kw_sigv4_request_add_header:
 * @request: a #KwSigv4Request
 * @name: the header name, in any case
 * @value: the header value; folded continuation lines are joined by the caller
 *
 * Adds a header. A name added twice keeps both values, which are signed
 * joined by a comma in the order they were added. Hop-by-hop headers,
 * `User-Agent`, `X-Amzn-Trace-Id` and `Authorization` are never signed.
 * `Content-Length` is signed if added, so leave it out when the HTTP stack
 * may set it itself.
 */
void            kw_sigv4_request_add_header (KwSigv4Request       *request,
                                             const char           *name,
                                             const char           *value);

/**
 * kw_sigv4_request_set_body:
 * @request: a #KwSigv4Request
 * @body: (array length=length) (nullable): the exact bytes that will be sent
 * @length: the length of @body
 *
 * Sets the payload. Only its SHA-256 is kept; without a body, the payload
 * hash is that of the empty string.
 */
void            kw_sigv4_request_set_body   (KwSigv4Request       *request,
                                             const guint8         *body,
                                             gsize                 length);

/**
 * kw_sigv4_request_set_normalize_path:
 * @request: a #KwSigv4Request
 * @normalize: whether to drop `.`, `..` and empty path segments before signing
 *
 * S3 signs the path exactly as sent; every other service signs it normalized,
 * which is the default.
 */
void            kw_sigv4_request_set_normalize_path (KwSigv4Request *request,
                                                     gboolean        normalize);
void            kw_sigv4_request_free       (KwSigv4Request       *request);

/**
 * kw_sigv4_sign:
 * @request: a #KwSigv4Request, which gains the signing headers
 * @credentials: the credentials to sign with
 * @region: the region of the credential scope, e.g. `us-east-1`
 * @service: the signing name, e.g. `cognito-idp`
 * @now: the signing time, in any time zone
 *
 * Signs @request for an `Authorization` header. First the request gets an
 * `X-Amz-Date` header and, for temporary credentials, an
 * `X-Amz-Security-Token` header, each replacing an earlier one (so signing
 * again, for a retry, leaves only the new values), and both are signed. The
 * caller sends those two headers and `Authorization` with the request.
 *
 * Returns: (transfer full): the signature and what it was computed from
 */
KwSigv4Result  *kw_sigv4_sign               (KwSigv4Request         *request,
                                             const KwAwsCredentials *credentials,
                                             const char             *region,
                                             const char             *service,
                                             GDateTime              *now);
void            kw_sigv4_result_free        (KwSigv4Result          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSigv4Request, kw_sigv4_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSigv4Result, kw_sigv4_result_free)

G_END_DECLS
