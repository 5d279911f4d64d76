import json
import os


def handler(event, context):
    if event.get("path") == "/version":
        body = {"version": context.function_version, "environment": os.environ["ENVIRONMENT"]}
    else:
        body = {"orders": []}
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
