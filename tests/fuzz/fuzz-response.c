/* fuzz-response.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-codec.h"
#include "kw-cognito-error.h"

#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

/* Everything a Cognito endpoint, or whatever sits in front of it, sends back
 * goes through the codec and the error parser, so both must survive any
 * answer. The input is read as:
 *
 *   byte 0      the operation, modulo the number of operations
 *   byte 1      bits 0-3: the HTTP status, from a table
 *               bit 4: an x-amzn-ErrorType header follows
 *               bit 5: an x-amzn-ErrorMessage header follows
 *               bit 6: an x-amzn-RequestId header follows
 *   then        each header present, ended by a newline
 *   the rest    the body
 *
 * Missing bytes read as zero, so every input, the empty one included, is a
 * valid answer and the target needs no seed corpus; run-fuzzers.sh still
 * writes a few, since libFuzzer cannot see inside json-glib to build JSON. */

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

#define HEADER_SEPARATOR '\n'

#define FLAG_ERROR_TYPE    (1 << 4)
#define FLAG_ERROR_MESSAGE (1 << 5)
#define FLAG_REQUEST_ID    (1 << 6)

/* Cognito's own statuses, what proxies and load balancers answer with, and
 * a few that no well-behaved peer sends. */
static const guint statuses[16] = {
  200, 400, 403, 404, 429, 500, 502, 503,
  204, 299, 301, 413, 504, 0, 599, 999,
};

typedef struct
{
  const guint8 *data;
  size_t        size;
} Reader;

static guint8
read_byte (Reader *reader)
{
  guint8 byte;

  if (reader->size == 0)
    return 0;

  byte = reader->data[0];
  reader->data++;
  reader->size--;

  return byte;
}

/* Headers are NUL-terminated strings in the API, as libsoup hands them over,
 * so each one is copied; an embedded NUL just ends it early, as it would. */
static char *
read_header (Reader *reader)
{
  const guint8 *end = memchr (reader->data, HEADER_SEPARATOR, reader->size);
  size_t length = end != NULL ? (size_t) (end - reader->data) : reader->size;
  char *header = g_strndup ((const char *) reader->data, length);

  reader->data += length;
  reader->size -= length;
  if (end != NULL)
    {
      reader->data++;
      reader->size--;
    }

  return header;
}

/* json-glib 1.6 reads a body of several top-level values ("{}{}", "0[1]")
 * as a success, keeps the first and leaks the others: its parser loops over
 * statements. That is out of Keyway's reach, and LeakSanitizer can only be
 * told to ignore it with slow stack unwinding on every allocation, which
 * costs most of the run's speed; so such bodies are skipped and the run keeps
 * finding Keyway's own leaks. Over-approximating (a stray second token also
 * counts) only skips inputs that are invalid JSON anyway. */
static gboolean
has_several_values (const guint8 *body,
                    size_t        length)
{
  gboolean in_string = FALSE, escaped = FALSE, in_scalar = FALSE, seen_value = FALSE;
  guint depth = 0;

  for (size_t i = 0; i < length; i++)
    {
      guint8 c = body[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            {
              in_string = FALSE;
              if (depth == 0)
                seen_value = TRUE;
            }
          continue;
        }

      if (depth > 0)
        {
          if (c == '"')
            in_string = TRUE;
          else if (c == '{' || c == '[')
            depth++;
          else if (c == '}' || c == ']')
            {
              if (--depth == 0)
                seen_value = TRUE;
            }
          continue;
        }

      if (g_ascii_isspace (c))
        {
          seen_value |= in_scalar;
          in_scalar = FALSE;
        }
      else if (c == '"' || c == '{' || c == '[')
        {
          if (seen_value || in_scalar)
            return TRUE;
          if (c == '"')
            in_string = TRUE;
          else
            depth++;
        }
      else if (g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.')
        {
          if (seen_value)
            return TRUE;
          in_scalar = TRUE;
        }
    }

  return FALSE;
}

static void
check_error (const GError *error,
             guint         http_status,
             const char   *request_id)
{
  g_autoptr(GError) copy = NULL;
  const char *name;

  g_assert (error != NULL);
  g_assert (error->domain == KW_COGNITO_ERROR);
  g_assert (error->message != NULL);

  /* Helpdesk staff quote the status and request id to AWS support, so they
   * must survive whatever the body looked like. */
  g_assert_cmpuint (kw_cognito_error_get_http_status (error), ==, http_status);
  g_assert_cmpstr (kw_cognito_error_get_request_id (error), ==, request_id);

  name = kw_cognito_error_get_name (error);
  if (name != NULL)
    {
      KwCognitoError code;

      g_assert (*name != '\0');
      g_assert (strchr (name, ':') == NULL);
      if (kw_cognito_error_code_from_name (name, &code))
        g_assert_cmpint (error->code, ==, code);
    }

  /* The extended domain copies and frees its private part; a retry or a
   * GTask result takes that path. */
  copy = g_error_copy (error);
  g_assert_cmpstr (kw_cognito_error_get_name (copy), ==, name);
  g_assert_cmpuint (kw_cognito_error_get_http_status (copy), ==, http_status);
}

static void
check_sanitize (const char *raw)
{
  g_autofree char *name = kw_cognito_error_sanitize_name (raw);

  if (name == NULL)
    return;

  g_assert (*name != '\0');
  g_assert (strlen (name) <= strlen (raw));
  g_assert (strchr (name, ':') == NULL);
  g_assert (!g_ascii_isspace (name[0]));
  g_assert (!g_ascii_isspace (name[strlen (name) - 1]));
}

static void
check_decode (KwCognitoOperation       operation,
              const KwCognitoResponse *response)
{
  KwCognitoOutput output;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = kw_cognito_codec_decode (operation, response, &output, &error);
  g_assert (ok == (error == NULL));

  if (!ok)
    {
      check_error (error, response->http_status, response->request_id);
    }
  else
    {
      /* An error status must never read as a success, whatever the body. */
      g_assert (SOUP_STATUS_IS_SUCCESSFUL (response->http_status));

      switch (operation)
        {
        case KW_COGNITO_OPERATION_FORGOT_PASSWORD:
          g_assert (output.delivery != NULL);
          break;

        case KW_COGNITO_OPERATION_ADMIN_GET_USER:
          g_assert (output.user != NULL);
          g_assert (output.user->username != NULL);
          break;

        case KW_COGNITO_OPERATION_LIST_USERS:
          g_assert (output.users != NULL);
          break;

        case KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD:
        case KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD:
        case KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD:
        default:
          break;
        }
    }

  kw_cognito_output_clear (&output);
}

/* A critical from a g_return_if_fail() is a bug the fuzzer must report, not
 * a line in its log. Making it fatal through GLib would raise SIGTRAP, which
 * libFuzzer does not catch, so no crash input would be kept: abort instead. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  GLogWriterOutput result = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();

  return result;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (log_writer_cb, NULL, NULL);

  /* The slice allocator of GLib 2.74 would hide heap errors from
   * AddressSanitizer; run-fuzzers.sh sets this too, before GLib starts. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  Reader reader = { data, size };
  KwCognitoOperation operation;
  KwCognitoResponse response = { 0, };
  g_autofree char *error_type = NULL;
  g_autofree char *error_message = NULL;
  g_autofree char *request_id = NULL;
  g_autofree char *body_string = NULL;
  g_autoptr(GError) error = NULL;
  guint8 selector;

  operation = read_byte (&reader) % KW_COGNITO_N_OPERATIONS;
  selector = read_byte (&reader);

  if (selector & FLAG_ERROR_TYPE)
    error_type = read_header (&reader);
  if (selector & FLAG_ERROR_MESSAGE)
    error_message = read_header (&reader);
  if (selector & FLAG_REQUEST_ID)
    request_id = read_header (&reader);

  if (has_several_values (reader.data, reader.size))
    return -1;

  /* The body is not copied: it ends exactly where libFuzzer's buffer ends,
   * so a read past body_length is caught by AddressSanitizer. */
  response.http_status = statuses[selector & 0x0f];
  response.error_type = error_type;
  response.error_message = error_message;
  response.request_id = request_id;
  response.body = reader.size > 0 ? (const char *) reader.data : NULL;
  response.body_length = reader.size;

  check_decode (operation, &response);

  error = kw_cognito_error_from_response (response.http_status, response.error_type,
                                          response.error_message, response.request_id,
                                          response.body, response.body_length);
  if (SOUP_STATUS_IS_SUCCESSFUL (response.http_status))
    g_assert (error == NULL);
  else
    check_error (error, response.http_status, response.request_id);

  /* The same name rule applies to the header and to the body's __type and
   * code, so the raw body is a name candidate too. */
  check_sanitize (error_type);
  body_string = g_strndup (response.body, response.body_length);
  check_sanitize (body_string);

  return 0;
}
