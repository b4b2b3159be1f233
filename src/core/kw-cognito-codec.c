/* kw-cognito-codec.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cognito-codec.h"

#include <math.h>
#include <string.h>

static gboolean
operation_has_member (KwCognitoOperation  operation,
                      const char         *name)
{
  for (const KwMember *member = kw_cognito_operation_get_input (operation);
       member->name != NULL;
       member++)
    {
      if (strcmp (member->name, name) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * kw_cognito_codec_add_extras:
 *
 * Adds the optional members of @extras that @operation's model has.
 */
void
kw_cognito_codec_add_extras (JsonObject            *input,
                             KwCognitoOperation     operation,
                             const KwCognitoExtras *extras)
{
  if (extras == NULL)
    return;

  if (extras->client_metadata != NULL &&
      g_hash_table_size (extras->client_metadata) > 0 &&
      operation_has_member (operation, "ClientMetadata"))
    {
      JsonObject *metadata = json_object_new ();
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, extras->client_metadata);
      while (g_hash_table_iter_next (&iter, &key, &value))
        json_object_set_string_member (metadata, key, value);
      json_object_set_object_member (input, "ClientMetadata", metadata);
    }

  if (extras->analytics_endpoint_id != NULL &&
      operation_has_member (operation, "AnalyticsMetadata"))
    {
      JsonObject *analytics = json_object_new ();

      json_object_set_string_member (analytics, "AnalyticsEndpointId",
                                     extras->analytics_endpoint_id);
      json_object_set_object_member (input, "AnalyticsMetadata", analytics);
    }

  if ((extras->user_context_ip_address != NULL || extras->user_context_encoded_data != NULL) &&
      operation_has_member (operation, "UserContextData"))
    {
      JsonObject *context = json_object_new ();

      if (extras->user_context_ip_address != NULL)
        json_object_set_string_member (context, "IpAddress", extras->user_context_ip_address);
      if (extras->user_context_encoded_data != NULL)
        json_object_set_string_member (context, "EncodedData", extras->user_context_encoded_data);
      json_object_set_object_member (input, "UserContextData", context);
    }
}

static void
wipe_text (gpointer text)
{
  explicit_bzero (text, strlen (text));
  g_free (text);
}

/**
 * kw_cognito_codec_serialize:
 *
 * Returns: (transfer full): the compact JSON body; its bytes are what gets
 *   signed and sent, so they are produced once per call
 */
GBytes *
kw_cognito_codec_serialize (JsonObject *input)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), input);
  char *text = json_to_string (root, FALSE);

  /* The body may carry a password or a confirmation code: whoever drops
   * the last reference (the client, or libsoup after sending) wipes it. */
  return g_bytes_new_with_free_func (text, strlen (text), wipe_text, text);
}

static GError *
invalid_member (const char *member,
                const char *request_id,
                guint       status)
{
  g_autofree char *message =
    g_strdup_printf ("The response's %s member has the wrong type", member);

  return kw_cognito_error_new_full (KW_COGNITO_ERROR_INVALID_RESPONSE, NULL,
                                    status, request_id, message);
}

static GError *
invalid_response (const KwCognitoResponse *response,
                  const char              *message)
{
  return kw_cognito_error_new_full (KW_COGNITO_ERROR_INVALID_RESPONSE, NULL,
                                    response->http_status, response->request_id, message);
}

/* Reads an optional member of a given JSON kind; a member of another kind is
 * a lying peer, reported rather than guessed at. */
static gboolean
get_optional (JsonObject  *object,
              const char  *member,
              GType        value_type,
              JsonNode   **node)
{
  *node = json_object_get_member (object, member);

  if (*node == NULL || JSON_NODE_HOLDS_NULL (*node))
    {
      *node = NULL;
      return TRUE;
    }

  if (value_type == JSON_TYPE_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (*node);
  if (value_type == JSON_TYPE_ARRAY)
    return JSON_NODE_HOLDS_ARRAY (*node);
  if (!JSON_NODE_HOLDS_VALUE (*node))
    return FALSE;
  if (value_type == G_TYPE_DOUBLE)
    return json_node_get_value_type (*node) == G_TYPE_DOUBLE ||
           json_node_get_value_type (*node) == G_TYPE_INT64;

  return json_node_get_value_type (*node) == value_type;
}

#define GET_OR_FAIL(object, member, type, node)                                \
  G_STMT_START {                                                               \
    if (!get_optional (object, member, type, node))                            \
      {                                                                        \
        g_propagate_error (error, invalid_member (member, response->request_id, \
                                                  response->http_status));     \
        return FALSE;                                                          \
      }                                                                        \
  } G_STMT_END

static gboolean
decode_delivery (JsonObject               *root,
                 const KwCognitoResponse  *response,
                 KwCognitoOutput          *output,
                 GError                  **error)
{
  JsonNode *details = NULL;
  JsonNode *destination = NULL, *medium = NULL, *attribute = NULL;
  JsonObject *object;

  GET_OR_FAIL (root, "CodeDeliveryDetails", JSON_TYPE_OBJECT, &details);
  if (details == NULL)
    {
      output->delivery = kw_code_delivery_details_new (NULL, NULL, NULL);
      return TRUE;
    }

  object = json_node_get_object (details);
  GET_OR_FAIL (object, "Destination", G_TYPE_STRING, &destination);
  GET_OR_FAIL (object, "DeliveryMedium", G_TYPE_STRING, &medium);
  GET_OR_FAIL (object, "AttributeName", G_TYPE_STRING, &attribute);

  output->delivery =
    kw_code_delivery_details_new (destination ? json_node_get_string (destination) : NULL,
                                  medium ? json_node_get_string (medium) : NULL,
                                  attribute ? json_node_get_string (attribute) : NULL);
  return TRUE;
}

/* Timestamps are epoch seconds as JSON numbers, sometimes in scientific
 * notation (1.682955829578E9); json-glib reads both as numbers. */
static GDateTime *
date_from_node (JsonNode *node)
{
  double seconds = json_node_get_value_type (node) == G_TYPE_INT64
    ? (double) json_node_get_int (node)
    : json_node_get_double (node);

  if (!isfinite (seconds) || seconds < 0 || seconds > 253402300799.0)
    return NULL;

  {
    gint64 usec = (gint64) llround (seconds * G_USEC_PER_SEC);
    g_autoptr(GDateTime) whole = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);

    return g_date_time_add (whole, usec % G_USEC_PER_SEC);
  }
}

static gboolean
decode_user (JsonObject               *object,
             const char               *attributes_member,
             gboolean                  username_required,
             const KwCognitoResponse  *response,
             KwCognitoUser           **out_user,
             GError                  **error)
{
  g_autoptr(KwCognitoUser) user = NULL;
  JsonNode *username = NULL, *attributes = NULL, *status = NULL, *enabled = NULL;
  JsonNode *created = NULL, *modified = NULL, *mfa_list = NULL, *preferred = NULL;
  const char *date_members[] = { "UserCreateDate", "UserLastModifiedDate" };
  JsonNode **date_nodes[] = { &created, &modified };
  GDateTime **dates[2];

  GET_OR_FAIL (object, "Username", G_TYPE_STRING, &username);
  if (username == NULL && username_required)
    {
      g_propagate_error (error, invalid_response (response, "The response has no Username"));
      return FALSE;
    }

  GET_OR_FAIL (object, attributes_member, JSON_TYPE_ARRAY, &attributes);
  GET_OR_FAIL (object, "UserStatus", G_TYPE_STRING, &status);
  GET_OR_FAIL (object, "Enabled", G_TYPE_BOOLEAN, &enabled);
  GET_OR_FAIL (object, "UserMFASettingList", JSON_TYPE_ARRAY, &mfa_list);
  GET_OR_FAIL (object, "PreferredMfaSetting", G_TYPE_STRING, &preferred);

  user = kw_cognito_user_new (username != NULL ? json_node_get_string (username) : NULL);
  user->status = g_strdup (status != NULL ? json_node_get_string (status) : NULL);
  user->status_code = kw_user_status_from_string (user->status);
  user->enabled = enabled != NULL ? json_node_get_boolean (enabled) : TRUE;
  user->preferred_mfa = g_strdup (preferred != NULL ? json_node_get_string (preferred) : NULL);
  dates[0] = &user->created;
  dates[1] = &user->modified;

  for (guint i = 0; i < G_N_ELEMENTS (date_members); i++)
    {
      GET_OR_FAIL (object, date_members[i], G_TYPE_DOUBLE, date_nodes[i]);
      if (*date_nodes[i] == NULL)
        continue;

      *dates[i] = date_from_node (*date_nodes[i]);
      if (*dates[i] == NULL)
        {
          g_propagate_error (error, invalid_member (date_members[i], response->request_id,
                                                    response->http_status));
          return FALSE;
        }
    }

  if (attributes != NULL)
    {
      JsonArray *array = json_node_get_array (attributes);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonNode *name = NULL, *value = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              g_propagate_error (error, invalid_member (attributes_member, response->request_id,
                                                        response->http_status));
              return FALSE;
            }

          GET_OR_FAIL (json_node_get_object (item), "Name", G_TYPE_STRING, &name);
          GET_OR_FAIL (json_node_get_object (item), "Value", G_TYPE_STRING, &value);
          if (name == NULL)
            {
              g_propagate_error (error, invalid_member (attributes_member, response->request_id,
                                                        response->http_status));
              return FALSE;
            }

          g_hash_table_insert (user->attributes,
                               g_strdup (json_node_get_string (name)),
                               g_strdup (value != NULL ? json_node_get_string (value) : ""));
        }
    }

  if (mfa_list != NULL)
    {
      JsonArray *array = json_node_get_array (mfa_list);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
      user->mfa_settings = g_strv_builder_end (builder);
    }

  *out_user = g_steal_pointer (&user);
  return TRUE;
}

static gboolean
decode_list_users (JsonObject               *root,
                   const KwCognitoResponse  *response,
                   KwCognitoOutput          *output,
                   GError                  **error)
{
  JsonNode *users = NULL, *token = NULL;

  GET_OR_FAIL (root, "Users", JSON_TYPE_ARRAY, &users);
  GET_OR_FAIL (root, "PaginationToken", G_TYPE_STRING, &token);

  output->users = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_cognito_user_free);
  output->pagination_token = g_strdup (token != NULL ? json_node_get_string (token) : NULL);

  if (users != NULL)
    {
      JsonArray *array = json_node_get_array (users);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          KwCognitoUser *user = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            {
              g_propagate_error (error, invalid_member ("Users", response->request_id,
                                                        response->http_status));
              return FALSE;
            }

          if (!decode_user (json_node_get_object (item), "Attributes", FALSE,
                            response, &user, error))
            return FALSE;
          g_ptr_array_add (output->users, user);
        }
    }

  return TRUE;
}

/**
 * kw_cognito_codec_decode:
 * @operation: the operation the answer belongs to
 * @response: the answer
 * @output: (out caller-allocates): the decoded result; clear it with
 *   kw_cognito_output_clear() whatever this returns
 * @error: the service error, or why the answer makes no sense
 *
 * Decodes one answer: a service error, or the operation's output. An empty
 * body and `{}` are both an empty output.
 *
 * Returns: %TRUE on success
 */
gboolean
kw_cognito_codec_decode (KwCognitoOperation        operation,
                         const KwCognitoResponse  *response,
                         KwCognitoOutput          *output,
                         GError                  **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *root;
  GError *service_error;

  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);

  memset (output, 0, sizeof *output);

  service_error = kw_cognito_error_from_response (response->http_status, response->error_type,
                                                  response->error_message, response->request_id,
                                                  response->body, response->body_length);
  if (service_error != NULL)
    {
      g_propagate_error (error, service_error);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (response->body_length == 0)
    root = NULL;
  else if (!json_parser_load_from_data (parser, response->body, response->body_length,
                                        &local_error))
    {
      g_propagate_error (error, invalid_response (response, "The response is not a JSON object"));
      return FALSE;
    }
  /* White space alone parses into no root: the same as an empty body. */
  else if (json_parser_get_root (parser) == NULL)
    root = NULL;
  else if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_propagate_error (error, invalid_response (response, "The response is not a JSON object"));
      return FALSE;
    }
  else
    root = json_node_get_object (json_parser_get_root (parser));

  switch (operation)
    {
    case KW_COGNITO_OPERATION_FORGOT_PASSWORD:
      if (root == NULL)
        {
          output->delivery = kw_code_delivery_details_new (NULL, NULL, NULL);
          return TRUE;
        }
      return decode_delivery (root, response, output, error);

    case KW_COGNITO_OPERATION_ADMIN_GET_USER:
      if (root == NULL)
        {
          g_propagate_error (error, invalid_response (response, "The response is empty"));
          return FALSE;
        }
      return decode_user (root, "UserAttributes", TRUE, response, &output->user, error);

    case KW_COGNITO_OPERATION_LIST_USERS:
      if (root == NULL)
        {
          output->users = g_ptr_array_new_with_free_func ((GDestroyNotify) kw_cognito_user_free);
          return TRUE;
        }
      return decode_list_users (root, response, output, error);

    case KW_COGNITO_OPERATION_CONFIRM_FORGOT_PASSWORD:
    case KW_COGNITO_OPERATION_ADMIN_RESET_USER_PASSWORD:
    case KW_COGNITO_OPERATION_ADMIN_SET_USER_PASSWORD:
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

void
kw_cognito_output_clear (KwCognitoOutput *output)
{
  g_clear_pointer (&output->delivery, kw_code_delivery_details_free);
  g_clear_pointer (&output->user, kw_cognito_user_free);
  g_clear_pointer (&output->users, g_ptr_array_unref);
  g_clear_pointer (&output->pagination_token, g_free);
}

void
kw_cognito_output_free (KwCognitoOutput *output)
{
  if (output == NULL)
    return;

  kw_cognito_output_clear (output);
  g_free (output);
}
