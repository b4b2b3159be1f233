/* kw-cognito-transport.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-transport.h"

#include "kw-cognito-error.h"

#define READ_CHUNK_SIZE 16384

/* A request has one deadline for the whole exchange: connecting, sending,
 * waiting and reading. SoupSession's own timeout only limits each idle read,
 * so a peer that trickles bytes could otherwise hold a person forever. */
typedef struct
{
  SoupMessage  *message;
  GCancellable *caller_cancellable;
  GCancellable *attempt_cancellable;
  gulong        cancelled_id;
  GSource      *deadline;
  gboolean      timed_out;
  guint         timeout_ms;
  gsize         max_body_size;
  GByteArray   *body;
  GInputStream *stream;
} SendData;

static void
send_data_free (SendData *data)
{
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->cancelled_id);
  if (data->deadline != NULL)
    {
      g_source_destroy (data->deadline);
      g_source_unref (data->deadline);
    }
  g_clear_object (&data->message);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->attempt_cancellable);
  g_clear_pointer (&data->body, g_byte_array_unref);
  g_clear_object (&data->stream);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendData, send_data_free)

void
kw_transport_reply_free (KwTransportReply *reply)
{
  if (reply == NULL)
    return;

  g_free (reply->error_type);
  g_free (reply->error_message);
  g_free (reply->request_id);
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply);
}

static void
caller_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GCancellable *attempt_cancellable = user_data;

  g_cancellable_cancel (attempt_cancellable);
}

static gboolean
deadline_cb (gpointer user_data)
{
  SendData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Turns a failure into what the caller should see: their own cancellation
 * stays G_IO_ERROR_CANCELLED, our deadline becomes a timeout. */
static void
return_failure (GTask  *task,
                GError *error)
{
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;

  if (data->caller_cancellable != NULL && g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The request was cancelled");
      return;
    }

  if (data->timed_out)
    {
      g_autofree char *message =
        g_strdup_printf ("No answer within %u seconds", (data->timeout_ms + 999) / 1000);

      g_task_return_error (task, kw_cognito_error_new_full (KW_COGNITO_ERROR_TIMEOUT, NULL, 0,
                                                            NULL, message));
      return;
    }

  if (owned->domain == KW_COGNITO_ERROR)
    {
      g_task_return_error (task, g_steal_pointer (&owned));
      return;
    }

  g_task_return_error (task, kw_cognito_error_from_transport (owned));
}

static void
return_reply (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (data->message);
  KwTransportReply *reply = g_new0 (KwTransportReply, 1);

  reply->http_status = soup_message_get_status (data->message);
  reply->error_type = g_strdup (soup_message_headers_get_one (headers, "x-amzn-ErrorType"));
  reply->error_message = g_strdup (soup_message_headers_get_one (headers, "x-amzn-ErrorMessage"));
  reply->request_id = g_strdup (soup_message_headers_get_one (headers, "x-amzn-RequestId"));
  reply->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->body));

  g_task_return_pointer (task, reply, (GDestroyNotify) kw_transport_reply_free);
}

/* Stops reading an answer past the cap; the connection is dropped with it. */
static void
return_too_large (GTask *task)
{
  SendData *data = g_task_get_task_data (task);
  g_autofree char *message =
    g_strdup_printf ("The response is larger than %zu KiB", data->max_body_size / 1024);

  g_cancellable_cancel (data->attempt_cancellable);
  g_task_return_error (task, kw_cognito_error_new_full (KW_COGNITO_ERROR_RESPONSE_TOO_LARGE, NULL,
                                                        soup_message_get_status (data->message),
                                                        NULL, message));
}

static void read_next_chunk (GTask *task);

static void
read_chunk_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      return_failure (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      return_reply (task);
      return;
    }

  if (data->body->len + g_bytes_get_size (chunk) > data->max_body_size)
    {
      return_too_large (task);
      return;
    }

  g_byte_array_append (data->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  SendData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   data->attempt_cancellable, read_chunk_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SendData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  goffset declared_length;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      return_failure (task, g_steal_pointer (&error));
      return;
    }

  /* Refuse an announced oversized body before reading any of it. */
  declared_length =
    soup_message_headers_get_content_length (soup_message_get_response_headers (data->message));
  if (declared_length > (goffset) data->max_body_size)
    {
      return_too_large (task);
      return;
    }

  read_next_chunk (g_steal_pointer (&task));
}

/**
 * kw_cognito_transport_send_async:
 * @session: the session
 * @message: the request, ready to go
 * @timeout_ms: the deadline for the whole exchange
 * @max_body_size: the largest answer accepted
 * @cancellable: (nullable): cancels the exchange
 *
 * Sends @message once and reads the whole answer, whatever its status.
 */
void
kw_cognito_transport_send_async (SoupSession         *session,
                                 SoupMessage         *message,
                                 guint                timeout_ms,
                                 gsize                max_body_size,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *data;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (SOUP_IS_MESSAGE (message));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_source_tag (task, kw_cognito_transport_send_async);
  /* Cancellation is reported by return_failure(), which tells the caller's
   * cancel from our deadline. */
  g_task_set_check_cancellable (task, FALSE);

  data = g_new0 (SendData, 1);
  data->message = g_object_ref (message);
  data->caller_cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  data->attempt_cancellable = g_cancellable_new ();
  data->timeout_ms = timeout_ms;
  data->max_body_size = max_body_size;
  data->body = g_byte_array_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) send_data_free);

  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                data->attempt_cancellable, NULL);

  data->deadline = g_timeout_source_new (timeout_ms);
  g_source_set_callback (data->deadline, deadline_cb, data, NULL);
  g_source_set_static_name (data->deadline, "[keyway] request deadline");
  g_source_attach (data->deadline, g_main_context_get_thread_default ());

  soup_session_send_async (session, message, G_PRIORITY_DEFAULT, data->attempt_cancellable,
                           send_cb, g_steal_pointer (&task));
}

/**
 * kw_cognito_transport_send_finish:
 *
 * Returns: (transfer full): the answer, or %NULL with a %KW_COGNITO_ERROR
 *   transport error or %G_IO_ERROR_CANCELLED
 */
KwTransportReply *
kw_cognito_transport_send_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        kw_cognito_transport_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
