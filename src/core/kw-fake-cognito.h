/* kw-fake-cognito.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kw-fake-cognito-pool.h"

G_BEGIN_DECLS

/**
 * KwFakeFault:
 * @KW_FAKE_FAULT_ERROR: answer with the service error named by the argument
 * @KW_FAKE_FAULT_HTML_STATUS: answer with the HTTP status in the argument and an HTML page
 * @KW_FAKE_FAULT_DELAY: wait the argument's milliseconds, then answer normally
 * @KW_FAKE_FAULT_DROP: close the connection without answering
 * @KW_FAKE_FAULT_TRUNCATE: start a 200 answer and close the connection mid-body
 * @KW_FAKE_FAULT_GARBLE: answer 200 with a body that is not JSON
 * @KW_FAKE_FAULT_OVERSIZE: answer 200 with a body of two MiB
 *
 * One way the next matching request goes wrong.
 */
typedef enum
{
  KW_FAKE_FAULT_ERROR,
  KW_FAKE_FAULT_HTML_STATUS,
  KW_FAKE_FAULT_DELAY,
  KW_FAKE_FAULT_DROP,
  KW_FAKE_FAULT_TRUNCATE,
  KW_FAKE_FAULT_GARBLE,
  KW_FAKE_FAULT_OVERSIZE,
} KwFakeFault;

/* One request as the fake received it, for assertions. */
typedef struct
{
  char       *operation;
  GHashTable *headers;    /* lowercase name → value */
  GBytes     *body;
} KwFakeRequest;

#define KW_TYPE_FAKE_COGNITO (kw_fake_cognito_get_type ())

G_DECLARE_FINAL_TYPE (KwFakeCognito, kw_fake_cognito, KW, FAKE_COGNITO, GObject)

KwFakeCognito   *kw_fake_cognito_new              (void);
gboolean         kw_fake_cognito_start            (KwFakeCognito  *self,
                                                   GError        **error);
const char      *kw_fake_cognito_get_url          (KwFakeCognito  *self);
KwFakeDirectory *kw_fake_cognito_get_directory    (KwFakeCognito  *self);
void             kw_fake_cognito_add_credentials  (KwFakeCognito  *self,
                                                   const char     *access_key_id,
                                                   const char     *secret_access_key,
                                                   const char     *session_token);
void             kw_fake_cognito_expire_credentials (KwFakeCognito *self,
                                                     const char    *access_key_id);
void             kw_fake_cognito_queue_fault      (KwFakeCognito  *self,
                                                   const char     *operation,
                                                   KwFakeFault     fault,
                                                   const char     *argument);
void             kw_fake_cognito_set_rate_limit   (KwFakeCognito  *self,
                                                   double          requests_per_second);
guint            kw_fake_cognito_count_requests   (KwFakeCognito  *self,
                                                   const char     *operation);
GPtrArray       *kw_fake_cognito_get_requests     (KwFakeCognito  *self);
const char      *kw_fake_cognito_get_last_code    (KwFakeCognito  *self,
                                                   const char     *username);

G_END_DECLS
