"""Entry file for spark-submit (it needs a file, not a module; it lives with the CLI it runs):

    spark-submit --master spark://head:7077 $(python -c 'import workreport.cli.spark_submit as m; print(m.__file__)') \\
        /shared/reports --out /shared/out

takes the arguments of ``workreport batch``; the master and resources come from spark-submit.
"""
import sys

from workreport.cli import main

if __name__ == "__main__":
    main(["batch", *sys.argv[1:]], prog_name="workreport batch")
