"""The one error the catalogue raises: it names the file, the item and the problem."""


class CatalogueError(ValueError):
    def __init__(self, file: str, item: str, problem: str):
        self.file, self.item, self.problem = file, item, problem
        super().__init__(f"{file}: {item}: {problem}")
