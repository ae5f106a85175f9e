from django.db import connection


class QueryCountMiddleware:
    """X-Queries: how many SQL queries the request made (outermost, so it sees them all)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        connection.force_debug_cursor = True
        connection.queries_log.clear()
        response = self.get_response(request)
        response["X-Queries"] = str(len(connection.queries_log))
        connection.force_debug_cursor = False
        return response
