"""The model: the kader, the handreiking, school targets and result files as typed data, with their codecs.

Pure: no file access beyond decoding bytes handed to it, no user interface.
"""
