/* kw-cognito-transport.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define KW_COGNITO_MAX_BODY_SIZE (1024 * 1024)

/* One HTTP exchange: the answer's status, headers of interest and body. */
typedef struct
{
  guint   http_status;
  char   *error_type;
  char   *error_message;
  char   *request_id;
  GBytes *body;
} KwTransportReply;

void              kw_cognito_transport_send_async  (SoupSession          *session,
                                                    SoupMessage          *message,
                                                    guint                 timeout_ms,
                                                    gsize                 max_body_size,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
KwTransportReply *kw_cognito_transport_send_finish (GAsyncResult         *result,
                                                    GError              **error);
void              kw_transport_reply_free          (KwTransportReply     *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KwTransportReply, kw_transport_reply_free)

G_END_DECLS
