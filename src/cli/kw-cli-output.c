/* kw-cli-output.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-cli.h"

#include "kw-aws-config.h"
#include "kw-core-enums.h"
#include "kw-user-message.h"

#include <stdio.h>
#include <string.h>

static gboolean hints_enabled;

/**
 * kw_cli_delivery_to_json:
 *
 * Returns: (transfer full): the ForgotPassword output as the AWS CLI prints it
 */
JsonNode *
kw_cli_delivery_to_json (const KwCodeDeliveryDetails *details)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "CodeDeliveryDetails");
  json_builder_begin_object (builder);
  if (details->destination != NULL)
    {
      json_builder_set_member_name (builder, "Destination");
      json_builder_add_string_value (builder, details->destination);
    }
  if (details->delivery_medium != NULL)
    {
      json_builder_set_member_name (builder, "DeliveryMedium");
      json_builder_add_string_value (builder, details->delivery_medium);
    }
  if (details->attribute_name != NULL)
    {
      json_builder_set_member_name (builder, "AttributeName");
      json_builder_add_string_value (builder, details->attribute_name);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* The AWS CLI prints timestamps in ISO 8601 with the UTC offset spelled out,
 * and microseconds only when there are some. */
static char *
format_date (GDateTime *date)
{
  if (g_date_time_get_microsecond (date) == 0)
    return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S+00:00");

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S.%f+00:00");
}

static void
add_date (JsonBuilder *builder,
          const char  *member,
          GDateTime   *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = format_date (date);
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

/**
 * kw_cli_user_to_json:
 * @attributes_member: `UserAttributes` (AdminGetUser) or `Attributes` (ListUsers)
 *
 * Returns: (transfer full): the user as the AWS CLI prints it
 */
JsonNode *
kw_cli_user_to_json (const KwCognitoUser *user,
                     const char          *attributes_member)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(GStrv) names = kw_cognito_user_dup_attribute_names (user);

  json_builder_begin_object (builder);
  if (user->username != NULL)
    {
      json_builder_set_member_name (builder, "Username");
      json_builder_add_string_value (builder, user->username);
    }

  json_builder_set_member_name (builder, attributes_member);
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "Name");
      json_builder_add_string_value (builder, names[i]);
      json_builder_set_member_name (builder, "Value");
      json_builder_add_string_value (builder, kw_cognito_user_get_attribute (user, names[i]));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  add_date (builder, "UserCreateDate", user->created);
  add_date (builder, "UserLastModifiedDate", user->modified);
  json_builder_set_member_name (builder, "Enabled");
  json_builder_add_boolean_value (builder, user->enabled);
  if (user->status != NULL)
    {
      json_builder_set_member_name (builder, "UserStatus");
      json_builder_add_string_value (builder, user->status);
    }
  if (user->preferred_mfa != NULL)
    {
      json_builder_set_member_name (builder, "PreferredMfaSetting");
      json_builder_add_string_value (builder, user->preferred_mfa);
    }
  if (user->mfa_settings != NULL)
    {
      json_builder_set_member_name (builder, "UserMFASettingList");
      json_builder_begin_array (builder);
      for (guint i = 0; user->mfa_settings[i] != NULL; i++)
        json_builder_add_string_value (builder, user->mfa_settings[i]);
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
scalar_to_text (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("None");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "True" : "False");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup_printf ("%g", json_node_get_double (node));
    default:
      return g_strdup (json_node_get_string (node));
    }
}

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (a, b);
}

static void print_text_object (GString *out, const char *identifier, JsonObject *object);

/* The AWS CLI's text format: a line of an object's scalar values (sorted by
 * member name, after an upper-case identifier when nested), then a block for
 * each nested object or list, named after its member. */
static void
print_text_member (GString    *out,
                   const char *name,
                   JsonNode   *node)
{
  g_autofree char *identifier = g_ascii_strup (name, -1);

  if (JSON_NODE_HOLDS_OBJECT (node))
    print_text_object (out, identifier, json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) scalars = g_string_new (identifier);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (item))
            print_text_object (out, identifier, json_node_get_object (item));
          else if (!JSON_NODE_HOLDS_ARRAY (item))
            {
              g_autofree char *text = scalar_to_text (item);

              g_string_append_printf (scalars, "\t%s", text);
            }
        }

      if (strchr (scalars->str, '\t') != NULL)
        g_string_append_printf (out, "%s\n", scalars->str);
    }
}

static void
print_text_object (GString    *out,
                   const char *identifier,
                   JsonObject *object)
{
  g_autoptr(GList) members = g_list_sort (json_object_get_members (object), compare_members);
  g_autoptr(GString) line = g_string_new (identifier);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node))
        {
          g_autofree char *text = scalar_to_text (node);

          if (line->len > 0)
            g_string_append_c (line, '\t');
          g_string_append (line, text);
        }
    }

  if (line->len > (identifier != NULL ? strlen (identifier) : 0))
    g_string_append_printf (out, "%s\n", line->str);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);

      if (JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node))
        print_text_member (out, l->data, node);
    }
}

/* JSON laid out as the AWS CLI's json.dumps (indent=4) does: "Key": value,
 * four spaces a level, {} and [] when empty. */
static void
print_json (GString  *out,
            JsonNode *node,
            guint     depth)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      if (members == NULL)
        {
          g_string_append (out, "{}");
          return;
        }

      g_string_append (out, "{\n");
      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autoptr(JsonNode) key = json_node_init_string (json_node_alloc (), l->data);
          g_autofree char *quoted = json_to_string (key, FALSE);

          g_string_append_printf (out, "%*s%s: ", (depth + 1) * 4, "", quoted);
          print_json (out, json_object_get_member (object, l->data), depth + 1);
          g_string_append (out, l->next != NULL ? ",\n" : "\n");
        }
      g_string_append_printf (out, "%*s}", depth * 4, "");
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint length = json_array_get_length (array);

      if (length == 0)
        {
          g_string_append (out, "[]");
          return;
        }

      g_string_append (out, "[\n");
      for (guint i = 0; i < length; i++)
        {
          g_string_append_printf (out, "%*s", (depth + 1) * 4, "");
          print_json (out, json_array_get_element (array, i), depth + 1);
          g_string_append (out, i + 1 < length ? ",\n" : "\n");
        }
      g_string_append_printf (out, "%*s]", depth * 4, "");
    }
  else
    {
      g_autofree char *scalar = json_to_string (node, FALSE);

      g_string_append (out, scalar);
    }
}

/**
 * kw_cli_print:
 * @node: (nullable): the output, or %NULL for an operation with none
 *
 * Prints the output on standard output: JSON indented by four spaces, as the
 * AWS CLI does, or its tab-separated text format.
 */
void
kw_cli_print (JsonNode    *node,
              KwCliOutput  output)
{
  if (node == NULL)
    return;

  if (output == KW_CLI_OUTPUT_TEXT)
    {
      g_autoptr(GString) out = g_string_new (NULL);

      print_text_object (out, NULL, json_node_get_object (node));
      fputs (out->str, stdout);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      print_json (out, node, 0);
      printf ("%s\n", out->str);
    }

  fflush (stdout);
}

/* What to check, for each failure that is not the service's answer. */
static char *
describe_failure (const GError *error,
                  const char   *endpoint)
{
  if (error->domain == KW_AWS_CONFIG_ERROR)
    return g_strdup (error->message);

  if (error->domain != KW_COGNITO_ERROR)
    return g_strdup (error->message);

  switch ((KwCognitoError) error->code)
    {
    case KW_COGNITO_ERROR_CONNECTION_REFUSED:
      return g_strdup_printf ("Could not connect to the endpoint URL \"%s\": "
                              "the connection was refused. "
                              "Check --endpoint-url and that the service is running.", endpoint);
    case KW_COGNITO_ERROR_DNS_FAILURE:
      return g_strdup_printf ("Could not resolve the host of \"%s\" (%s). "
                              "Check the region, the endpoint URL and your network connection.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_NETWORK_UNREACHABLE:
      return g_strdup_printf ("Could not reach \"%s\" (%s). Check your network connection.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_CONNECTION_RESET:
      return g_strdup_printf ("The connection to \"%s\" was closed "
                              "before the answer was complete (%s). "
                              "Try again; if it keeps happening, check proxies and firewalls.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_TLS_FAILURE:
      return g_strdup_printf ("The TLS connection to \"%s\" could not be trusted (%s). "
                              "Certificate errors are never ignored: "
                              "check the endpoint URL and the system's CA certificates.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_TIMEOUT:
      return g_strdup_printf ("Read timeout on endpoint URL \"%s\": %s. "
                              "Check your network connection, or allow more time with --timeout.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_SERVER_ERROR:
      return g_strdup_printf ("The endpoint \"%s\" answered %s, with no Cognito error. "
                              "The service may be having problems: try again later.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_INVALID_RESPONSE:
    case KW_COGNITO_ERROR_RESPONSE_TOO_LARGE:
      return g_strdup_printf ("The answer from \"%s\" is not a valid Cognito response (%s). "
                              "Check that --endpoint-url points at Cognito.",
                              endpoint, error->message);
    case KW_COGNITO_ERROR_NO_CREDENTIALS:
      return g_strdup_printf ("Unable to locate credentials (%s). Set AWS_ACCESS_KEY_ID and "
                              "AWS_SECRET_ACCESS_KEY, or name a profile with --profile.",
                              error->message);
    case KW_COGNITO_ERROR_INSECURE_ENDPOINT:
    default:
      return g_strdup (error->message);
    }
}

/**
 * kw_cli_set_hints:
 * @hints: whether a service error gets a "Hint:" line
 *
 * The AWS CLI prints a service error as one line, and scripts that port
 * over may compare it; so Keyway's explanation follows it only for Keyway's
 * own commands, and for the others when a person reads standard error on a
 * terminal.
 */
void
kw_cli_set_hints (gboolean hints)
{
  hints_enabled = hints;
}

/**
 * kw_cli_error_name:
 *
 * The name a script can match on: the service's error name
 * ("UserNotFoundException"), or for a failure on the way there the code's
 * name in CamelCase ("ConnectionRefused"), as the audit log has it.
 *
 * Returns: (transfer full): the name
 */
char *
kw_cli_error_name (const GError *error)
{
  g_autoptr(GEnumClass) enum_class = NULL;
  g_autoptr(GString) name = NULL;
  GEnumValue *value;
  gboolean upper = TRUE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup ("Cancelled");

  if (error->domain != KW_COGNITO_ERROR)
    return g_strdup_printf ("%s:%d", g_quark_to_string (error->domain), error->code);

  if (kw_cognito_error_get_name (error) != NULL)
    return g_strdup (kw_cognito_error_get_name (error));

  enum_class = g_type_class_ref (KW_TYPE_COGNITO_ERROR);
  value = g_enum_get_value (enum_class, error->code);
  if (value == NULL)
    return g_strdup ("UnknownError");

  name = g_string_new (NULL);
  for (const char *p = value->value_nick; *p != '\0'; p++)
    {
      if (*p == '-')
        upper = TRUE;
      else
        {
          g_string_append_c (name, upper ? g_ascii_toupper (*p) : *p);
          upper = FALSE;
        }
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* The core's explanation of a service error, for a person. A generic one
 * says nothing the error line did not. */
static void
print_hint (const GError       *error,
            KwCognitoOperation  operation,
            KwConnection       *connection)
{
  g_autoptr(KwUserMessage) message = NULL;

  if (!hints_enabled)
    return;

  message = kw_user_message_new_for_error (error, operation, connection);
  if (!kw_user_message_get_generic (message))
    fprintf (stderr, "Hint: %s\n", kw_user_message_get_body (message));
}

/**
 * kw_cli_report_error:
 * @connection: (nullable): the connection, which refines the hint
 *
 * Prints one line about @error on standard error, and for a service error a
 * hint when kw_cli_set_hints() asked for one.
 *
 * Returns: the exit status for it
 */
int
kw_cli_report_error (const GError       *error,
                     KwCognitoOperation  operation,
                     const char         *endpoint,
                     KwConnection       *connection)
{
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      fprintf (stderr, "\nInterrupted: the %s request was cancelled.\n",
               kw_cognito_operation_get_name (operation));
      return KW_CLI_EXIT_INTERRUPTED;
    }

  /* Refused before sending: a parameter breaks the model's rules. */
  if (g_error_matches (error, KW_COGNITO_ERROR, KW_COGNITO_ERROR_INVALID_PARAMETER) &&
      kw_cognito_error_get_field (error) != NULL)
    {
      fprintf (stderr, "Parameter validation failed: %s\n", error->message);
      return KW_CLI_EXIT_USAGE;
    }

  if (error->domain == KW_COGNITO_ERROR && kw_cognito_error_get_name (error) != NULL)
    {
      const char *request_id = kw_cognito_error_get_request_id (error);

      fprintf (stderr, "An error occurred (%s) when calling the %s operation: %s\n",
               kw_cognito_error_get_name (error), kw_cognito_operation_get_name (operation),
               error->message);
      if (request_id != NULL)
        g_debug ("Request id of the failed call: %s", request_id);
      print_hint (error, operation, connection);
      return KW_CLI_EXIT_SERVICE;
    }

  text = describe_failure (error, endpoint != NULL ? endpoint : "(none)");
  fprintf (stderr, "%s\n", text);

  return KW_CLI_EXIT_OTHER;
}
