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

typedef struct _KwSigv4Request KwSigv4Request;

typedef struct
{
  char *amz_date;           /* X-Amz-Date value, e.g. 20150830T123600Z */
  char *canonical_request;
  char *string_to_sign;
  char *signature;          /* lowercase hex */
  char *authorization;      /* the whole Authorization header value */
} KwSigv4Result;

KwSigv4Request *kw_sigv4_request_new        (const char           *method,
                                             const char           *path,
                                             const char           *query);
void            kw_sigv4_request_add_header (KwSigv4Request       *request,
                                             const char           *name,
                                             const char           *value);
void            kw_sigv4_request_set_body   (KwSigv4Request       *request,
                                             const guint8         *body,
                                             gsize                 length);
void            kw_sigv4_request_set_normalize_path (KwSigv4Request *request,
                                                     gboolean        normalize);
void            kw_sigv4_request_free       (KwSigv4Request       *request);

KwSigv4Result  *kw_sigv4_sign               (KwSigv4Request         *request,
                                             const KwAwsCredentials *credentials,
                                             const char             *region,
                                             const char             *service,
                                             GDateTime              *now);
void            kw_sigv4_result_free        (KwSigv4Result          *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSigv4Request, kw_sigv4_request_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwSigv4Result, kw_sigv4_result_free)

G_END_DECLS
